package vn.lienthong.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReporterRedactionTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode record(String kind, boolean confidential, String body) throws Exception {
        ObjectNode record = (ObjectNode) JSON.readTree("""
                {"schemaVersion":"1.0","id":"5a72a6e6-b806-510d-9427-145b37126ad4","trackingCode":"TCDTUDZ6SSP","kind":"%s",
                 "source":{"sourceId":"portal-hanoi","recordId":"HN-TC-1","channel":"PORTAL_REST"},
                 "acceptedAt":"2026-03-20T14:02:05.000+07:00","title":"Tố cáo cán bộ địa chính",
                 "reporter":{"name":"Nguyễn Thị Hương","phone":"+84383456789","email":"huong.nt@example.vn",
                   "identityNumber":"026190001234","address":"Xã Sơn Đông, tỉnh Phú Thọ","anonymous":false,"confidential":%s},
                 "quality":{"fields":[{"pointer":"/body","repairs":[{"kind":"line-join","offset":3,"length":1,"before":"\\n","after":" "}]},
                                      {"pointer":"/reporter/name","repairs":[{"kind":"mojibake","offset":0,"length":3,"before":"NguyÃ","after":"Nguyễ"}]}],
                            "flags":[{"code":"phone.renumbered","pointer":"/reporter/phone","value":"0168 345 6789",
                                      "message":"Số di động 11 số cũ đã được đổi sang số 10 số.","successor":"+84383456789"},
                                     {"code":"agency.closed-code","pointer":"/agency/code","value":"000.00.00.H26"}]}}
                """.formatted(kind, confidential));
        record.put("body", body);
        return record;
    }

    @Test
    void aDenunciationLosesItsReporterSignatureAndMentions() throws Exception {
        String body = "Tôi tố cáo ông Trần Văn B. nhận tiền của các hộ dân. Tôi là Nguyễn Thị Hương, có thể gọi 0383 456 789.\n"
                + "Người phản ánh: Nguyễn Thị Hương, điện thoại 0168 345 6789";
        ObjectNode original = record("DENUNCIATION", false, body);
        ReporterRedaction.Redacted redacted = ReporterRedaction.redact(original);

        String published = redacted.record().toString();
        for (String secret : new String[] {"Hương", "Huong", "0383", "6789", "huong.nt", "026190001234", "Sơn Đông, tỉnh"}) {
            assertThat(published).as(secret).doesNotContain(secret);
        }
        assertThat(redacted.record().path("body").asText())
                .isEqualTo("Tôi tố cáo ông Trần Văn B. nhận tiền của các hộ dân. Tôi là [đã ẩn], có thể gọi [đã ẩn].");
        assertThat(redacted.record().path("reporter").toString()).isEqualTo("{\"anonymous\":false,\"confidential\":false}");
        assertThat(redacted.removed()).containsExactly("name", "phone", "email", "identityNumber", "address", "bodySignature", "mentions");
        // what would reveal the reporter left the quality report; the rest stays
        assertThat(redacted.record().path("quality").path("fields")).isEmpty();
        assertThat(redacted.record().path("quality").path("flags").get(0).toString())
                .isEqualTo("{\"code\":\"phone.renumbered\",\"pointer\":\"/reporter/phone\",\"message\":\"Số di động 11 số cũ đã được đổi sang số 10 số.\"}");
        assertThat(redacted.record().path("quality").path("flags").get(1).path("value").asText()).isEqualTo("000.00.00.H26");

        assertThat(redacted.identity().path("reporter").path("name").asText()).isEqualTo("Nguyễn Thị Hương");
        assertThat(redacted.identity().path("bodySignature").asText()).isEqualTo("Người phản ánh: Nguyễn Thị Hương, điện thoại 0168 345 6789");
        assertThat(redacted.identity().path("body").asText()).isEqualTo(body);
        assertThat(redacted.identity().path("quality")).isEqualTo(original.path("quality"));
        // the input is not changed
        assertThat(original.path("reporter").path("name").asText()).isEqualTo("Nguyễn Thị Hương");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Đề nghị xem xét. Người tố cáo: Lê Văn Cường",
            "Đề nghị xem xét.\nHọ và tên: Lê Văn Cường\nSĐT: 0912 345 678",
            "Đề nghị xem xét. - Nguoi phan anh Le Van Cuong, dt 0912345678",
            "Đề nghị xem xét.\nĐiện thoại liên hệ: 0912.345.678",
            "Đề nghị xem xét.\nKý tên\nLê Văn Cường"})
    void signatureLinesAreFoundInTheirUsualShapes(String body) throws Exception {
        ObjectNode record = record("COMPLAINT", true, body);
        ((ObjectNode) record.get("reporter")).put("name", "Lê Văn Cường").put("phone", "+84912345678");
        ReporterRedaction.Redacted redacted = ReporterRedaction.redact(record);
        assertThat(redacted.record().path("body").asText()).isEqualTo("Đề nghị xem xét.");
        assertThat(redacted.removed()).contains("bodySignature");
    }

    @Test
    void aLongTailIsContentNotASignature() throws Exception {
        String body = "Họ tên: cán bộ địa chính xã là người nhận tiền. " + "Sự việc kéo dài nhiều tháng. ".repeat(20);
        ReporterRedaction.Redacted redacted = ReporterRedaction.redact(record("DENUNCIATION", false, body));
        assertThat(redacted.record().path("body").asText()).isEqualTo(body);
        assertThat(redacted.removed()).doesNotContain("bodySignature");
    }

    @Test
    void aBodyThatIsOnlyASignatureKeepsAPlaceholder() throws Exception {
        ReporterRedaction.Redacted redacted = ReporterRedaction.redact(record("DENUNCIATION", false, "Người tố cáo: Nguyễn Thị Hương"));
        assertThat(redacted.record().path("body").asText()).isEqualTo("[đã ẩn]");
    }

    @Test
    void whoIsProtected() throws Exception {
        assertThat(ReporterRedaction.isProtected(record("DENUNCIATION", false, "x"))).isTrue();
        assertThat(ReporterRedaction.isProtected(record("FEEDBACK", true, "x"))).isTrue();
        assertThat(ReporterRedaction.isProtected(record("FEEDBACK", false, "x"))).isFalse();
        assertThat(ReporterRedaction.isProtected(JSON.readTree("{\"kind\":\"COMPLAINT\"}"))).isFalse();
    }

    @Test
    void aShortNameIsNotHuntedInTheText() throws Exception {
        ObjectNode record = record("DENUNCIATION", false, "Hương ở xã bên cũng biết chuyện.");
        ((ObjectNode) record.get("reporter")).put("name", "Hương");
        assertThat(ReporterRedaction.redact(record).record().path("body").asText()).isEqualTo("Hương ở xã bên cũng biết chuyện.");
    }
}
