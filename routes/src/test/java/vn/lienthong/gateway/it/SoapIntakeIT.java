package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Portals submit over SOAP to the packaged gateway (real HTTP, raw envelopes as a SOAP stack sends
 * them); a subscriber taking every record reads its queue with a stock AMQP client. Result: an
 * accepted record is on the queue once with its tracking code in the answer; every refusal is a SOAP
 * fault with its stable error code, and nothing at all is queued for it — XML attacks included, each
 * refused within a second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoapIntakeIT {

    static final String EVERYTHING = "it-everything";
    static final String QUEUE = "lienthong.complaints::" + EVERYTHING;
    static final String HANOI_KEY = "demo-portal-hanoi-key";

    GatewayProcess gateway;

    @BeforeAll
    void start() throws Exception {
        TestConfig config = TestConfig.copyOfShipped().withEverythingSubscriber(EVERYTHING);
        gateway = GatewayProcess.start(Files.createTempDirectory("lienthong-it-data"), config.dir(), List.of());
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
    }

    @BeforeEach
    void emptyQueue() throws Exception {
        Feeds.drain(gateway, EVERYTHING, QUEUE);
    }

    String intake() {
        return gateway.baseUrl() + "/services/complaint-intake";
    }

    static String submitComplaint(String recordId, String phone) {
        return """
                <in:SubmitComplaint xmlns:in="urn:lienthong:intake:v1" xmlns:lt="urn:lienthong:schemas:v1">
                  <in:complaint>
                    <in:kind>DENUNCIATION</in:kind>
                    <in:source><lt:sourceId>portal-hanoi</lt:sourceId><lt:recordId>%s</lt:recordId></in:source>
                    <in:submittedAt>2026-03-20T14:02:00+07:00</in:submittedAt>
                    <in:title>Tố cáo cán bộ địa chính</in:title>
                    <in:body>Cán bộ địa chính xã yêu cầu nộp tiền ngoài quy định khi làm sổ đỏ.</in:body>
                    <in:location><lt:provinceCode>25</lt:provinceCode></in:location>
                    <in:reporter><lt:name>Nguyễn Văn A</lt:name><lt:phone>%s</lt:phone><lt:confidential>true</lt:confidential></in:reporter>
                  </in:complaint>
                </in:SubmitComplaint>""".formatted(recordId, phone);
    }

    @Test
    void canonicalComplaintIsAcceptedOnceAndQueued() throws Exception {
        String recordId = "soap-" + UUID.randomUUID();
        Soap.Answer answer = Soap.post11(intake(), HANOI_KEY, Soap.envelope(submitComplaint(recordId, "+84912345678"), null, null));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("status")).isEqualTo("ACCEPTED");
        String trackingCode = answer.text("trackingCode");
        assertThat(trackingCode).matches("TC[2-9A-HJ-NP-Z]{9}");

        List<Feeds.Received> queued = Feeds.drain(gateway, EVERYTHING, QUEUE);
        assertThat(queued).hasSize(1);
        Feeds.Received r = queued.get(0);
        assertThat(r.id()).isEqualTo(answer.text("id"));
        assertThat(r.record().path("kind").asText()).isEqualTo("DENUNCIATION");
        assertThat(r.record().path("source").path("channel").asText()).isEqualTo("PORTAL_SOAP");
        assertThat(r.record().path("reporter").path("confidential").asBoolean()).isTrue();
        assertThat(r.record().path("submittedAt").asText()).isEqualTo("2026-03-20T14:02:00+07:00");
        assertThat(r.properties()).containsEntry("trackingCode", trackingCode);

        Soap.Answer again = Soap.post11(intake(), HANOI_KEY, Soap.envelope(submitComplaint(recordId, "+84912345678"), null, null));
        assertThat(again.text("status")).isEqualTo("ALREADY_ACCEPTED");
        assertThat(again.text("trackingCode")).isEqualTo(trackingCode);
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).isEmpty();
    }

    @Test
    void soap12IsServedAtItsOwnAddress() throws Exception {
        String envelope = Soap.envelope(submitComplaint("soap12-" + UUID.randomUUID(), "+84912345678"), null, null)
                .replace(Soap.SOAP11, "http://www.w3.org/2003/05/soap-envelope");
        Soap.Answer answer = Soap.post(intake() + "/soap12", HANOI_KEY, "application/soap+xml; charset=UTF-8",
                envelope.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("http://www.w3.org/2003/05/soap-envelope");
        assertThat(answer.text("status")).isEqualTo("ACCEPTED");
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).hasSize(1);
    }

    @Test
    void dossierIsAcceptedAndItsOverdueFlagComputed() throws Exception {
        String dossier = """
                <in:SubmitServiceRecord xmlns:in="urn:lienthong:intake:v1" xmlns:lt="urn:lienthong:schemas:v1">
                  <in:serviceRecord>
                    <in:source><lt:sourceId>dvc-province</lt:sourceId><lt:recordId>%s</lt:recordId></in:source>
                    <in:dossierCode>000.00.37.H40-260301-0042</in:dossierCode>
                    <in:procedure><lt:code>1.004227</lt:code><lt:name>Cấp giấy phép xây dựng</lt:name></in:procedure>
                    <in:agency><lt:code>000.00.37.H40</lt:code></in:agency>
                    <in:receivedAt>2026-03-01T08:00:00+07:00</in:receivedAt>
                    <in:dueAt>2026-03-10T17:00:00+07:00</in:dueAt>
                    <in:completedAt>2026-03-19T10:00:00+07:00</in:completedAt>
                    <in:status>RESULT_RETURNED</in:status>
                  </in:serviceRecord>
                </in:SubmitServiceRecord>""".formatted("dossier-" + UUID.randomUUID());
        Soap.Answer answer = Soap.post11(intake(), "demo-dvc-province-key", Soap.envelope(dossier, null, null));
        assertThat(answer.text("status")).as(answer.body()).isEqualTo("ACCEPTED");
        List<Feeds.Received> queued = Feeds.drain(gateway, EVERYTHING, "lienthong.service-records::" + EVERYTHING + ".service-records");
        assertThat(queued).singleElement().satisfies(r -> {
            assertThat(r.record().path("overdue").asBoolean()).isTrue();
            assertThat(r.properties()).containsEntry("overdue", true);
        });
    }

    @Test
    void theWsdlAndItsSchemasAreServed() throws Exception {
        HttpResponse<String> wsdl = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(intake() + "?wsdl")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("SubmitComplaint", "SubmitServiceRecord", "SubmitSourceRecord", "GatewayFault");
        HttpResponse<String> records = Http.CLIENT.send(HttpRequest.newBuilder(
                URI.create(intake() + "?xsd=../lienthong-records.xsd")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(records.statusCode()).isEqualTo(200);
        assertThat(records.body()).contains("name=\"Complaint\"");
    }

    @Test
    void schemaInvalidRequestIsAFaultWithItsCode() throws Exception {
        Soap.Answer answer = Soap.post11(intake(), HANOI_KEY, Soap.envelope(submitComplaint("bad-" + UUID.randomUUID(), "0912 345 678"), null, null));
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).contains("<faultcode>soap:Client</faultcode>");
        assertThat(answer.faultCode()).isEqualTo("client.schema-invalid");
        assertThat(answer.body()).contains("E164");
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).isEmpty();
    }

    @Test
    void callerWithoutCredentialsIsRefused() throws Exception {
        Soap.Answer answer = Soap.post11(intake(), null, Soap.envelope(submitComplaint("anon-" + UUID.randomUUID(), "+84912345678"), null, null));
        assertThat(answer.faultCode()).isEqualTo("client.unauthenticated");
        Soap.Answer wrongKey = Soap.post11(intake(), "not-a-key", Soap.envelope(submitComplaint("anon-" + UUID.randomUUID(), "+84912345678"), null, null));
        assertThat(wrongKey.faultCode()).isEqualTo("client.unauthenticated");
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).isEmpty();
    }

    @Test
    void externalEntityIsRefusedUnread() throws Exception {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                """ + Soap.envelope(submitComplaint("xxe-" + UUID.randomUUID(), "+84912345678").replace("Nguyễn Văn A", "&secret;"), null, null);
        Soap.Answer answer = Soap.post11(intake(), HANOI_KEY, xxe);
        assertThat(answer.faultCode()).isEqualTo("client.xml-forbidden");
        assertThat(answer.body()).doesNotContain("root:");
        assertThat(answer.millis()).isLessThan(1_000);
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).isEmpty();
    }

    @Test
    void billionLaughsIsRefusedAtOnce() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String bomb = "<?xml version=\"1.0\"?>" + dtd
                + Soap.envelope(submitComplaint("lol-" + UUID.randomUUID(), "+84912345678").replace("Nguyễn Văn A", "&lol9;"), null, null);
        Soap.Answer answer = Soap.post11(intake(), HANOI_KEY, bomb);
        assertThat(answer.faultCode()).isEqualTo("client.xml-forbidden");
        assertThat(answer.millis()).isLessThan(1_000);
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).isEmpty();
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        String deep = "<x>".repeat(10_000) + "</x>".repeat(10_000);
        Soap.Answer answer = Soap.post11(intake(), HANOI_KEY, Soap.envelope(deep, null, null));
        assertThat(answer.faultCode()).isEqualTo("client.xml-limit-exceeded");
        assertThat(answer.body()).contains("32 levels");
        assertThat(answer.millis()).isLessThan(1_000);

        String wide = "<in:SubmitComplaint xmlns:in=\"urn:lienthong:intake:v1\">" + "<e/>".repeat(5_000) + "</in:SubmitComplaint>";
        assertThat(Soap.post11(intake(), HANOI_KEY, Soap.envelope(wide, null, null)).faultCode()).isEqualTo("client.xml-limit-exceeded");
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).isEmpty();
    }

    @Test
    void oversizeRequestIsRefusedBeforeParsing() throws Exception {
        String huge = submitComplaint("huge-" + UUID.randomUUID(), "+84912345678")
                .replace("<in:title>", "<!--" + "x".repeat(600 * 1024) + "--><in:title>");
        Soap.Answer answer = Soap.post11(intake(), HANOI_KEY, Soap.envelope(huge, null, null));
        assertThat(answer.faultCode()).isEqualTo("client.payload-too-large");
        assertThat(answer.millis()).isLessThan(1_000);

        String longText = submitComplaint("long-" + UUID.randomUUID(), "+84912345678")
                .replace("Cán bộ địa chính xã", "x".repeat(70_000));
        assertThat(Soap.post11(intake(), HANOI_KEY, Soap.envelope(longText, null, null)).faultCode()).isEqualTo("client.xml-limit-exceeded");
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).isEmpty();
    }

    @Test
    void legacyRequestIsMappedByItsXsltAndAccepted() throws Exception {
        String fixture = new String(Http.fixture("portal/legacy-soap.complaint.xml"), StandardCharsets.UTF_8);
        String withToken = fixture.replace("<soapenv:Header/>", Soap.envelope("", "legacy-phananh", "demo-legacy-phananh-secret")
                .replaceAll("(?s).*(<soapenv:Header>.*</soapenv:Header>).*", "$1"));

        Soap.Answer answer = Soap.post11(intake(), null, withToken);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("status")).isEqualTo("ACCEPTED");
        assertThat(answer.text("trackingCode")).startsWith("PA");
        assertThat(answer.body()).as("request headers are not echoed").doesNotContain("demo-legacy-phananh-secret");

        List<Feeds.Received> queued = Feeds.drain(gateway, EVERYTHING, QUEUE);
        assertThat(queued).hasSize(1);
        var record = queued.get(0).record();
        assertThat(record.path("source").path("sourceId").asText()).isEqualTo("legacy-phananh");
        assertThat(record.path("source").path("recordId").asText()).isEqualTo("NB-2019-PA-77311");
        assertThat(record.path("source").path("channel").asText()).isEqualTo("PORTAL_SOAP");
        assertThat(record.path("kind").asText()).isEqualTo("FEEDBACK");
        assertThat(record.path("location").path("legacy").path("provinceCode").asText()).isEqualTo("35");
        assertThat(record.path("location").path("provinceCode").asText()).as("Hà Nam (35) is part of Ninh Bình (37) since 1 July 2025")
                .isEqualTo("37");
        assertThat(record.path("submittedAt").asText()).startsWith("2026-03-20");
        // the portal's mojibake (UTF-8 read as Latin-1) is repaired by normalization
        assertThat(record.path("body").asText()).isEqualTo("Cán bộ thuế yêu cầu bồi dưỡng khi kiểm tra hộ kinh doanh.");
        assertThat(record.path("reporter").path("name").asText()).isEqualTo("Phùng Văn Thắng");
        assertThat(record.path("reporter").path("phone").asText()).as("2018's retired 0122 prefix").isEqualTo("+84778881234");

        Soap.Answer again = Soap.post11(intake(), null, withToken);
        assertThat(again.text("status")).isEqualTo("ALREADY_ACCEPTED");
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).isEmpty();
    }

    @Test
    void legacyRequestNeedsItsUsernameToken() throws Exception {
        String fixture = new String(Http.fixture("portal/legacy-soap.complaint.xml"), StandardCharsets.UTF_8);
        assertThat(Soap.post11(intake(), null, fixture).faultCode()).isEqualTo("client.unauthenticated");
        String wrong = fixture.replace("<soapenv:Header/>", Soap.envelope("", "legacy-phananh", "wrong-password")
                .replaceAll("(?s).*(<soapenv:Header>.*</soapenv:Header>).*", "$1"));
        assertThat(Soap.post11(intake(), null, wrong).faultCode()).isEqualTo("client.unauthenticated");
        assertThat(Soap.post11(intake(), HANOI_KEY, fixture).faultCode())
                .as("portal-hanoi declares no such request").isEqualTo("client.no-mapping");
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).isEmpty();
    }

    @Test
    void statusCallbackAuthenticatesTheCaseSystem() throws Exception {
        String report = """
                <ic:ReportStatus xmlns:ic="urn:lienthong:inspectorate:v1"><ic:update>
                  <ic:trackingCode>TCM5MEWKMHZ</ic:trackingCode><ic:status>IN_PROGRESS</ic:status>
                  <ic:reportedAt>2026-03-21T09:00:00+07:00</ic:reportedAt>
                </ic:update></ic:ReportStatus>""";
        Soap.Answer anonymous = Soap.post11(gateway.baseUrl() + "/services/case-status", null, Soap.envelope(report, null, null));
        assertThat(anonymous.faultCode()).isEqualTo("client.unauthenticated");
        Soap.Answer wrong = Soap.post11(gateway.baseUrl() + "/services/case-status", null,
                Soap.envelope(report, "inspectorate-case-system", "not-the-password"));
        assertThat(wrong.faultCode()).isEqualTo("client.unauthenticated");
        Soap.Answer authenticated = Soap.post11(gateway.baseUrl() + "/services/case-status", null,
                Soap.envelope(report, "inspectorate-case-system", "demo-inspectorate-case-system-secret"));
        assertThat(authenticated.faultCode()).as("authenticated: answered by the tracking store, or refused with a catalogued code")
                .isNotEqualTo("client.unauthenticated");
    }

    /** Regression: a C1 control or a non-character, legal in XML, was accepted and carried to case systems as text. */
    @Test
    void controlsAndNonCharactersAreAFaultWithTheirCode() throws Exception {
        String request = submitComplaint("soap-" + UUID.randomUUID(), "+84912345678")
                .replace("Tố cáo cán bộ địa chính", "Tố cáo&#x85; cán bộ")
                .replace("Cán bộ địa chính xã", "Cán bộ &#xFDD0;xã");
        Soap.Answer answer = Soap.post11(intake(), HANOI_KEY, Soap.envelope(request, null, null));
        assertThat(answer.body()).contains("<faultcode>soap:Client</faultcode>");
        assertThat(answer.faultCode()).isEqualTo("client.invalid-characters");
        assertThat(answer.body()).contains("/title").contains("/body");
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).isEmpty();
    }
}
