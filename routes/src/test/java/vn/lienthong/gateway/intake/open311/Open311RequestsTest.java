package vn.lienthong.gateway.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.intake.open311.Open311Catalogue.Jurisdiction;
import vn.lienthong.gateway.intake.open311.Open311SourceDefinition.Attribute;
import vn.lienthong.gateway.intake.open311.Open311SourceDefinition.Service;
import vn.lienthong.gateway.intake.open311.Open311SourceDefinition.Value;

/** A GeoReport v2 form → the canonical complaint; the idempotency key of a retried POST. */
class Open311RequestsTest {

    static final Service ROAD = new Service("road", "Hư hỏng đường", null, null, null, null, "FEEDBACK", "GIAO_THONG", "Giao thông",
            false, List.of(
                    new Attribute("severity", "singlevaluelist", true, null, "Mức độ", null, 1,
                            List.of(new Value("low", "Thấp"), new Value("high", "Cao"))),
                    new Attribute("kinds", "multivaluelist", false, null, "Loại", null, 2,
                            List.of(new Value("hole", "Ổ gà"), new Value("crack", "Nứt"))),
                    new Attribute("seen", "datetime", false, null, "Thời điểm", null, 3, List.of())));
    static final Service DENOUNCE = new Service("denounce", "Tố cáo", null, null, null, null, "DENUNCIATION", "THAM_NHUNG", null, false,
            List.of());
    static final Jurisdiction J = new Jurisdiction("25", "open311-phutho",
            new Open311SourceDefinition(List.of("25"), "Thanh tra", null, null, List.of(ROAD, DENOUNCE)));
    static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

    static JsonNode canonical(Service service, String form) throws Exception {
        return IntakeService.json().readTree(Open311Requests.canonical(J, service, Open311Form.parse(form), "open311:k:1", NOW));
    }

    @Test
    void formBecomesTheCanonicalComplaint() throws Exception {
        JsonNode r = canonical(ROAD, "service_code=road&lat=21.3227&long=105.402&address_string=x%C3%A3+S%C6%A1n+%C4%90%C3%B4ng"
                + "&description=%E1%BB%94+g%C3%A0&attribute%5Bseverity%5D=high&attribute%5Bkinds%5D%5B%5D=hole"
                + "&attribute%5Bkinds%5D%5B%5D=crack&first_name=An&last_name=Nguy%E1%BB%85n+V%C4%83n&phone=0912345678"
                + "&email=a%40example.vn&media_url=https%3A%2F%2Fexample.vn%2F1.jpg&device_id=d1");
        assertThat(r.path("kind").asText()).isEqualTo("FEEDBACK");
        assertThat(r.path("source").toString()).isEqualTo("{\"recordId\":\"open311:k:1\",\"channel\":\"OPEN311\"}");
        assertThat(r.path("submittedAt").asText()).isEqualTo("2026-12-07T10:00:00+07:00");
        assertThat(r.path("category").toString()).isEqualTo("{\"code\":\"GIAO_THONG\",\"name\":\"Giao thông\"}");
        assertThat(r.path("body").asText()).isEqualTo("Ổ gà\n\nMức độ: Cao\nLoại: Ổ gà, Nứt");
        assertThat(r.path("location").toString())
                .isEqualTo("{\"provinceCode\":\"25\",\"latitude\":21.3227,\"longitude\":105.402,\"address\":\"xã Sơn Đông\"}");
        assertThat(r.path("reporter").toString())
                .isEqualTo("{\"name\":\"Nguyễn Văn An\",\"phone\":\"0912345678\",\"email\":\"a@example.vn\"}");
        assertThat(r.path("attachments").toString()).isEqualTo("[{\"uri\":\"https://example.vn/1.jpg\"}]");
        // the device id only identifies retries: it is not part of the record
        assertThat(r.toString()).doesNotContain("d1");
    }

    @Test
    void aDenunciationsReporterIsAlwaysConfidentialAndAnAnonymousOneSaysSo() throws Exception {
        assertThat(canonical(DENOUNCE, "address_string=UBND&phone=0912345678").path("reporter").path("confidential").asBoolean()).isTrue();
        JsonNode anonymous = canonical(DENOUNCE, "address_string=UBND");
        assertThat(anonymous.path("reporter").path("anonymous").asBoolean()).isTrue();
        assertThat(anonymous.path("body").asText()).isEqualTo("Tố cáo");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> canonical(ROAD, "lat=10&attribute%5Bkinds%5D=hole&attribute%5Bkinds%5D=nope&attribute%5Bseen%5D=h%C3%B4m+qua"
                + "&attribute%5Bcolour%5D=red&media_url=ftp%3A%2F%2Fx&description=" + "a".repeat(4001)))
                .isInstanceOfSatisfying(Open311Error.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.descriptions()).containsExactlyInAnyOrder(
                            "description is longer than 4000 characters",
                            "attribute[colour] is not an attribute of service road",
                            "attribute[severity] (Mức độ) is required",
                            "attribute[kinds] has values not in its list: [nope] (allowed: [hole, crack])",
                            "attribute[seen] must be an ISO 8601 date and time with offset, e.g. 2026-12-07T09:30:00+07:00",
                            "lat and long must be sent together",
                            "media_url must be an http or https URL");
                });
    }

    @Test
    void aRetryIsTheSameRequestAndAnotherReportIsNot() {
        Open311Form form = Open311Form.parse("service_code=road&device_id=d1&description=x&lat=1&long=2&attribute%5Bseverity%5D=low");
        String key = Open311Requests.contentKey(J, ROAD, form);
        assertThat(Open311Requests.contentKey(J, ROAD, Open311Form.parse(
                "attribute%5Bseverity%5D=low&long=2&lat=1&description=x&device_id=d1&service_code=road&api_key=k"))).isEqualTo(key);
        assertThat(Open311Requests.contentKey(J, ROAD, Open311Form.parse(
                "service_code=road&device_id=d2&description=x&lat=1&long=2&attribute%5Bseverity%5D=low"))).isNotEqualTo(key);
        assertThat(Open311Requests.contentKey(J, ROAD, Open311Form.parse(
                "service_code=road&device_id=d1&description=y&lat=1&long=2&attribute%5Bseverity%5D=low"))).isNotEqualTo(key);
        Duration window = Duration.ofMinutes(10);
        assertThat(Open311Requests.recordId(key, NOW, window, 0)).isEqualTo(Open311Requests.recordId(key, NOW.plusSeconds(599), window, 0));
        // across a bucket boundary the door also looks one bucket back
        assertThat(Open311Requests.recordId(key, NOW.plusSeconds(600), window, 1)).isEqualTo(Open311Requests.recordId(key, NOW, window, 0));
    }

    @Test
    void aServiceIsNamedAndKnown() {
        assertThatThrownBy(() -> Open311Requests.service(J, Open311Form.parse("")))
                .isInstanceOfSatisfying(Open311Error.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> Open311Requests.service(J, Open311Form.parse("service_code=potholes")))
                .isInstanceOfSatisfying(Open311Error.class, e -> assertThat(e.status()).isEqualTo(404));
    }
}
