package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.gateway.it.Http.fixture;
import static vn.lienthong.gateway.it.Http.postJson;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.lienthong.gateway.it.Feeds.Received;

/**
 * Client sends records over real HTTP to the packaged gateway; subscribers read them from their own
 * queues with a stock AMQP 1.0 client. Result: what each subscriber's filter selects, exactly once,
 * and nothing at all for a rejected request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestIntakeIT {

    static final String INSPECTORATE = "lienthong.complaints::inspectorate";
    static final String PROVINCE_25 = "lienthong.complaints::province-25";
    static final String HANOI_KEY = "demo-portal-hanoi-key";

    GatewayProcess gateway;

    @BeforeAll
    void start() throws Exception {
        gateway = GatewayProcess.start();
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
    }

    @BeforeEach
    void emptyQueues() throws Exception {
        Feeds.drain(gateway, "inspectorate", INSPECTORATE);
        Feeds.drain(gateway, "province-25", PROVINCE_25);
    }

    String url(String path) {
        return gateway.baseUrl() + "/api/v1/" + path;
    }

    static byte[] canonical(String kind, String recordId, String provinceCode) {
        return ("""
                {"kind":"%s","source":{"recordId":"%s"},"title":"Phản ánh thử nghiệm",
                 "body":"Cán bộ xã yêu cầu nộp thêm tiền ngoài quy định.",
                 "location":{"provinceCode":"%s"},
                 "reporter":{"name":"Nguyễn Văn A","phone":"0912 345 678"}}""")
                .formatted(kind, recordId, provinceCode).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void nativeDenunciationReachesTheInspectorateOnly() throws Exception {
        Http.Answer answer = postJson(url("sources/portal-hanoi/complaints"), HANOI_KEY,
                fixture("portal/portal-hanoi.denunciation.json"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().path("status").asText()).isEqualTo("ACCEPTED");
        String trackingCode = answer.json().path("trackingCode").asText();
        assertThat(trackingCode).matches("TC[2-9A-HJ-NP-Z]{9}");

        List<Received> inspectorate = Feeds.drain(gateway, "inspectorate", INSPECTORATE);
        assertThat(inspectorate).hasSize(1);
        Received r = inspectorate.get(0);
        assertThat(r.id()).isEqualTo(answer.json().path("id").asText());
        assertThat(r.record().path("kind").asText()).isEqualTo("DENUNCIATION");
        assertThat(r.record().path("submittedAt").asText()).isEqualTo("2026-03-20T14:02:00+07:00");
        // the author of a denunciation is protected (issue 6): only the entitled inspectorate can decrypt it
        assertThat(r.record().path("reporter").has("phone")).isFalse();
        assertThat(r.record().path("protectedIdentity").path("recipients")).extracting(p -> p.path("subscriberId").asText())
                .containsExactly("inspectorate");
        assertThat(r.record().path("location").path("provinceCode").asText()).as("Nam Định (36) is part of Ninh Bình (37)").isEqualTo("37");
        assertThat(r.properties()).containsEntry("trackingCode", trackingCode).containsEntry("kind", "DENUNCIATION")
                .containsEntry("sourceId", "portal-hanoi").containsEntry("schemaVersion", "1.0")
                .containsEntry("agencyCode", "000.00.00.H39").containsEntry("id", r.id());
        assertThat(Feeds.drain(gateway, "province-25", PROVINCE_25)).isEmpty();
    }

    @Test
    void nativeComplaintFromAMergedProvinceReachesTheProvinceItBelongsToNow() throws Exception {
        Http.Answer answer = postJson(url("sources/portal-hanoi/complaints"), HANOI_KEY,
                fixture("portal/portal-hanoi.complaint.json"));
        assertThat(answer.status()).isEqualTo(202);

        List<Received> province = Feeds.drain(gateway, "province-25", PROVINCE_25);
        assertThat(province).hasSize(1);
        JsonNode record = province.get(0).record();
        assertThat(record.path("kind").asText()).isEqualTo("FEEDBACK");
        assertThat(record.path("location").path("provinceCode").asText()).as("Vĩnh Phúc (26) is part of Phú Thọ (25)").isEqualTo("25");
        assertThat(record.path("location").path("legacy").path("provinceCode").asText()).isEqualTo("26");
        assertThat(record.path("reporter").path("phone").asText()).as("0168 → 038 since 2018").isEqualTo("+84383456789");
        assertThat(record.path("submittedAt").asText()).isEqualTo("2026-03-12T09:15:00+07:00");
        assertThat(province.get(0).properties()).containsEntry("provinceCode", "25").containsEntry("textDamaged", false);
        assertThat(Feeds.drain(gateway, "inspectorate", INSPECTORATE)).as("feedback is not for the inspectorate").isEmpty();
    }

    @Test
    void provinceSubscriberGetsItsProvinceOnly() throws Exception {
        String run = UUID.randomUUID().toString();
        assertThat(postJson(url("complaints"), HANOI_KEY, canonical("FEEDBACK", run + "-25", "25")).status()).isEqualTo(202);
        assertThat(postJson(url("complaints"), HANOI_KEY, canonical("FEEDBACK", run + "-01", "01")).status()).isEqualTo(202);
        assertThat(postJson(url("complaints"), HANOI_KEY, canonical("COMPLAINT", run + "-37", "37")).status()).isEqualTo(202);

        assertThat(Feeds.drain(gateway, "province-25", PROVINCE_25))
                .extracting(r -> r.record().path("source").path("recordId").asText())
                .containsExactly(run + "-25");
        assertThat(Feeds.drain(gateway, "inspectorate", INSPECTORATE))
                .as("the inspectorate takes complaints and denunciations, not feedback")
                .extracting(r -> r.record().path("source").path("recordId").asText())
                .containsExactly(run + "-37");
    }

    @Test
    void resubmissionAnswersTheSameAndPublishesNothing() throws Exception {
        byte[] body = canonical("COMPLAINT", "resubmit-" + UUID.randomUUID(), "25");
        Http.Answer first = postJson(url("complaints"), HANOI_KEY, body);
        Http.Answer second = postJson(url("complaints"), HANOI_KEY, body);

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json().path("id")).isEqualTo(first.json().path("id"));
        assertThat(second.json().path("trackingCode")).isEqualTo(first.json().path("trackingCode"));
        assertThat(second.json().path("status").asText()).isEqualTo("ALREADY_ACCEPTED");
        assertThat(Feeds.drain(gateway, "inspectorate", INSPECTORATE)).hasSize(1);
        assertThat(Feeds.drain(gateway, "province-25", PROVINCE_25)).hasSize(1);
    }

    @Test
    void batchOfDossiersIsAcceptedAndTheOverdueOneReachesTheInspectorate() throws Exception {
        String batch = new String(fixture("service-records/dvc-province.dossiers.json"), StandardCharsets.UTF_8)
                .replace("000.00.37.H40-2603", "IT-" + UUID.randomUUID() + "-2603");
        Http.Answer answer = postJson(url("sources/dvc-province/service-records"), "demo-dvc-province-key",
                batch.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().path("records")).hasSize(2);
        List<Received> overdue = Feeds.drain(gateway, "inspectorate", "lienthong.service-records::inspectorate.service-records");
        assertThat(overdue).hasSize(2).allSatisfy(r -> assertThat(r.properties()).containsEntry("overdue", true));
    }

    @Test
    void everyRejectionIsSpecificAndPublishesNothing() throws Exception {
        byte[] good = fixture("portal/portal-hanoi.denunciation.json");
        String native_ = url("sources/portal-hanoi/complaints");

        Http.Answer noKey = postJson(native_, null, good);
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.json().path("code").asText()).isEqualTo("client.unauthenticated");
        assertThat(noKey.header("Content-Type")).startsWith("application/problem+json");

        assertThat(postJson(native_, "wrong-key", good).json().path("code").asText()).isEqualTo("client.unauthenticated");

        Http.Answer otherSource = postJson(native_, "demo-dvc-province-key", good);
        assertThat(otherSource.status()).isEqualTo(403);
        assertThat(otherSource.json().path("code").asText()).isEqualTo("client.forbidden");

        Http.Answer wrongType = Http.post(native_, HANOI_KEY, "text/xml", good);
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.json().path("code").asText()).isEqualTo("client.unsupported-media-type");

        byte[] huge = ("{\"noiDung\":\"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        Http.Answer tooLarge = postJson(native_, HANOI_KEY, huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().path("code").asText()).isEqualTo("client.payload-too-large");

        Http.Answer malformed = postJson(native_, HANOI_KEY, "{\"maPhanAnh\": ".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("code").asText()).isEqualTo("client.malformed-json");

        String broken = new String(good, StandardCharsets.UTF_8)
                .replace("\"TO_CAO\"", "\"TIN_DON\"")
                .replace("\"036088004321\"", "\"12AB\"")
                .replace("\"maPhanAnh\": \"HN-TC-2026-000087\",", "");
        Http.Answer invalid = postJson(native_, HANOI_KEY, broken.getBytes(StandardCharsets.UTF_8));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("code").asText()).isEqualTo("client.schema-invalid");
        assertThat(invalid.json().path("violations")).extracting(v -> v.path("pointer").asText())
                .containsExactlyInAnyOrder("/kind", "/reporter/identityNumber", "/source/recordId");
        assertThat(invalid.json().path("violations")).allSatisfy(v -> {
            assertThat(v.path("message").asText()).isNotBlank();
            assertThat(v.path("code").asText()).startsWith("schema.");
        });

        Http.Answer noMapping = postJson(url("sources/dvc-province/complaints"), "demo-dvc-province-key", good);
        assertThat(noMapping.status()).isEqualTo(404);
        assertThat(noMapping.json().path("code").asText()).isEqualTo("client.no-mapping");

        Http.Answer mismatch = postJson(url("complaints"), HANOI_KEY,
                "{\"kind\":\"FEEDBACK\",\"source\":{\"sourceId\":\"dvc-province\",\"recordId\":\"x\"},\"body\":\"b\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(mismatch.status()).isEqualTo(403);
        assertThat(mismatch.json().path("code").asText()).isEqualTo("client.source-mismatch");

        assertThat(Feeds.drain(gateway, "inspectorate", INSPECTORATE)).isEmpty();
        assertThat(Feeds.drain(gateway, "province-25", PROVINCE_25)).isEmpty();
    }

    @Test
    void theAnswerDoesNotEchoTheApiKey() throws Exception {
        Http.Answer answer = postJson(url("complaints"), HANOI_KEY, canonical("FEEDBACK", "echo-" + UUID.randomUUID(), "01"));
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.response().headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-Api-Key"));
        assertThat(answer.response().body()).doesNotContain(HANOI_KEY);
    }

    @Test
    void aSubscriberReadsOnlyItsOwnQueue() throws Exception {
        try (Connection province = Feeds.connect(gateway, "province-25");
                Session session = province.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.createConsumer(session.createQueue(INSPECTORATE)))
                    .isInstanceOf(JMSSecurityException.class);
        }
        try (Connection province = Feeds.connect(gateway, "province-25");
                Session session = province.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.createConsumer(session.createTopic("lienthong.complaints")))
                    .as("a subscriber may not create its own unfiltered subscription").isInstanceOf(JMSException.class);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Feeds.connect(gateway.brokerPort(), "province-25", "guess").close())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void stompClientReadsTheSameRecord() throws Exception {
        Http.Answer answer = postJson(url("complaints"), HANOI_KEY, canonical("FEEDBACK", "stomp-" + UUID.randomUUID(), "25"));
        assertThat(answer.status()).isEqualTo(202);
        try (StompClient stomp = StompClient.connect(gateway.brokerPort(), "province-25", "demo-province-25-secret")) {
            StompClient.Frame frame = stomp.receiveOne(PROVINCE_25, 5_000);
            JsonNode record = new com.fasterxml.jackson.databind.ObjectMapper().readTree(frame.body());
            assertThat(record.path("id").asText()).isEqualTo(answer.json().path("id").asText());
            assertThat(frame.headers()).containsEntry("trackingCode", answer.json().path("trackingCode").asText());
        }
    }

    /** Regression: one invalid byte in one field re-decoded the whole body as a legacy encoding ("đường" → "đưá»�ng"). */
    @Test
    void declaredUtf8WithOneInvalidByteIsRefusedNotTurnedIntoMojibake() throws Exception {
        String run = UUID.randomUUID().toString();
        byte[] good = canonical("FEEDBACK", run, "25");
        byte[] damaged = new String(good, StandardCharsets.UTF_8).replace("thử nghiệm", "th\u0001 nghiệm").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < damaged.length; i++) {
            if (damaged[i] == 1) {
                damaged[i] = (byte) 0xFF; // one byte that is never UTF-8, in the title only
            }
        }
        for (String contentType : List.of("application/json; charset=UTF-8", "application/json")) {
            Http.Answer answer = Http.post(url("complaints"), HANOI_KEY, contentType, damaged);
            assertThat(answer.status()).as(contentType).isEqualTo(400);
            assertThat(answer.json().path("type").asText()).isEqualTo("urn:lienthong:error:client.undecodable-text");
            assertThat(answer.json().path("detail").asText()).contains("1 byte(s) are not UTF-8");
        }
        assertThat(Feeds.drain(gateway, "province-25", PROVINCE_25)).isEmpty();
        assertThat(postJson(url("complaints"), HANOI_KEY, good).status()).isEqualTo(202);
        assertThat(Feeds.drain(gateway, "province-25", PROVINCE_25)).singleElement()
                .satisfies(r -> assertThat(r.record().path("body").asText()).isEqualTo("Cán bộ xã yêu cầu nộp thêm tiền ngoài quy định."));
    }

    /** Regression: an escaped NUL, a C1 control and a lone surrogate were accepted with 202, then failed every SOAP delivery. */
    @Test
    void charactersThatCannotTravelAreRefusedWithThePointerOfEachField() throws Exception {
        String run = UUID.randomUUID().toString();
        byte[] body = ("""
                {"kind":"FEEDBACK","source":{"recordId":"%s"},"title":"Phản ánh\\u0000",
                 "body":"Cán bộ xã\\u0007 yêu cầu nộp thêm tiền.",
                 "location":{"provinceCode":"25","address":"Thôn \\ud800 Đông"},
                 "reporter":{"name":"Nguyễn\\u0085 Văn A","phone":"0912 345 678"}}""").formatted(run).getBytes(StandardCharsets.UTF_8);
        Http.Answer answer = postJson(url("complaints"), HANOI_KEY, body);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:lienthong:error:client.invalid-characters");
        assertThat(answer.json().path("violations")).extracting(v -> v.path("pointer").asText() + " " + v.path("code").asText())
                .containsExactlyInAnyOrder("/title text.control", "/body text.control", "/location/address text.lone-surrogate",
                        "/reporter/name text.control");
        assertThat(Feeds.drain(gateway, "province-25", PROVINCE_25)).isEmpty();
    }

    /** Regression: a body of zero-width and bidi characters only was accepted as a complaint. */
    @Test
    void invisibleOnlyTextIsRefused() throws Exception {
        String run = UUID.randomUUID().toString();
        byte[] body = ("{\"kind\":\"FEEDBACK\",\"source\":{\"recordId\":\"" + run + "\"},\"title\":\"Phản ánh\","
                + "\"body\":\"\u200b\u202e \u2066\ufeff\",\"location\":{\"provinceCode\":\"25\"}}").getBytes(StandardCharsets.UTF_8);
        Http.Answer answer = postJson(url("complaints"), HANOI_KEY, body);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:lienthong:error:client.invalid-characters");
        assertThat(answer.json().path("violations")).extracting(v -> v.path("pointer").asText() + " " + v.path("code").asText())
                .containsExactly("/body text.invisible-only");
        assertThat(Feeds.drain(gateway, "province-25", PROVINCE_25)).isEmpty();
    }
}
