package vn.lienthong.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.error.Violation;
import vn.lienthong.gateway.normalize.VietnamesePayloadDecoder;
import vn.lienthong.gateway.normalize.VietnameseRecordNormalizer;
import vn.lienthong.gateway.normalize.RecordType;
import vn.lienthong.gateway.publish.BrokerUnavailableException;
import vn.lienthong.gateway.publish.Feed;
import vn.lienthong.gateway.publish.PublishOutcome;
import vn.lienthong.gateway.publish.Publisher;

/** The intake pipeline with the shipped configuration, and a publisher of our own that records what it got. */
class IntakeServiceTest {

    static final GatewayConfig CONFIG = GatewayConfig.load(GatewayConfigPaths.SHIPPED, false);

    /** Remembers published records and drops repeats by id, as the broker's duplicate detection does. */
    static final class RecordingPublisher implements Publisher {
        final List<Published> published = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        boolean down;

        record Published(Feed feed, JsonNode body, Map<String, Object> properties) {
        }

        @Override
        public PublishOutcome publish(Feed feed, byte[] body, Map<String, Object> properties, String duplicateId)
                throws BrokerUnavailableException {
            if (down) {
                throw new BrokerUnavailableException("down", null);
            }
            if (!seen.add(duplicateId)) {
                return PublishOutcome.DUPLICATE;
            }
            try {
                published.add(new Published(feed, IntakeService.json().readTree(body), properties));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return PublishOutcome.PUBLISHED;
        }
    }

    final RecordingPublisher publisher = new RecordingPublisher();
    final IntakeService intake = new IntakeService(CONFIG, SourceMappings.compile(CONFIG), new VietnamesePayloadDecoder(),
            new VietnameseRecordNormalizer(), new RecordValidator(), publisher,
            Clock.fixed(Instant.parse("2026-06-17T01:00:00Z"), ZoneOffset.UTC));

    static byte[] fixture(String path) throws IOException {
        try (InputStream in = IntakeServiceTest.class.getResourceAsStream("/fixtures/" + path)) {
            return in.readAllBytes();
        }
    }

    Submission nativeComplaint(byte[] body) {
        return new Submission("portal-hanoi", RecordType.COMPLAINT, Submission.Format.NATIVE, body, "UTF-8");
    }

    @Test
    void portalComplaintIsMappedNormalizedAndPublished() throws IOException {
        IntakeResult result = intake.submit(nativeComplaint(fixture("portal/portal-hanoi.complaint.json")));

        assertThat(result.status()).isEqualTo(IntakeResult.ACCEPTED);
        assertThat(result.trackingCode()).startsWith("PA");
        assertThat(publisher.published).hasSize(1);
        var p = publisher.published.get(0);
        assertThat(p.feed()).isEqualTo(Feed.COMPLAINTS);
        JsonNode record = p.body();
        assertThat(record.path("id").asText()).isEqualTo(result.id());
        assertThat(record.path("kind").asText()).isEqualTo("FEEDBACK");
        assertThat(record.path("source").path("recordId").asText()).isEqualTo("HN-PA-2026-004512");
        assertThat(record.path("submittedAt").asText()).isEqualTo("2026-03-12T09:15:00+07:00");
        assertThat(record.path("occurredOn").asText()).isEqualTo("2026-03-12");
        assertThat(record.path("acceptedAt").asText()).isEqualTo("2026-06-17T08:00:00+07:00");
        assertThat(record.path("reporter").path("phone").asText()).isEqualTo("+84383456789");
        assertThat(record.path("location").path("legacy").path("provinceCode").asText()).isEqualTo("26");
        assertThat(record.path("category").path("code").asText()).isEqualTo("TIEU_CUC_NHUNG_NHIEU");
        assertThat(p.properties()).containsEntry("kind", "FEEDBACK").containsEntry("sourceId", "portal-hanoi")
                .containsEntry("trackingCode", result.trackingCode()).containsEntry("agencyCode", "000.00.00.H26")
                .containsEntry("schemaVersion", "1.0");
    }

    @Test
    void denunciationReporterIsAlwaysConfidential() throws IOException {
        intake.submit(nativeComplaint(fixture("portal/portal-hanoi.denunciation.json")));
        JsonNode record = publisher.published.get(0).body();
        assertThat(record.path("kind").asText()).isEqualTo("DENUNCIATION");
        assertThat(record.path("reporter").path("confidential").asBoolean()).isTrue();
        assertThat(record.path("reporter").has("email")).as("empty e-mail dropped").isFalse();
    }

    @Test
    void aDenunciationIsPublishedWithoutItsAuthorAndOnlyTheEntitledCanReadIt() throws Exception {
        // the shipped configuration: the inspectorate is entitled (demo key), nobody else
        IntakeService protecting = new IntakeService(CONFIG, SourceMappings.compile(CONFIG), new VietnamesePayloadDecoder(),
                new VietnameseRecordNormalizer(), new RecordValidator(), publisher, IntakeLog.NONE,
                new vn.lienthong.gateway.identity.IdentityProtector(vn.lienthong.gateway.identity.IdentityKeys.load(CONFIG, false)),
                Clock.fixed(Instant.parse("2026-06-17T01:00:00Z"), ZoneOffset.UTC));
        IntakeResult result = protecting.submit(nativeComplaint(fixture("portal/portal-hanoi.denunciation.json")));

        JsonNode record = publisher.published.get(0).body();
        assertThat(record.toString()).doesNotContain("Cường").doesNotContain("912345678").doesNotContain("912 345 678")
                .doesNotContain("036088004321");
        assertThat(record.path("reporter").path("confidential").asBoolean()).isTrue();
        assertThat(record.path("protectedIdentity").path("removed")).extracting(JsonNode::asText)
                .contains("name", "phone", "identityNumber");
        assertThat(new RecordValidator().validate(RecordType.COMPLAINT, record)).isEmpty();
        assertThat(publisher.published.get(0).properties().values()).allSatisfy(v -> assertThat(String.valueOf(v))
                .doesNotContain("Cường").doesNotContain("912345678"));
        JsonNode recipients = record.path("protectedIdentity").path("recipients");
        assertThat(recipients).extracting(r -> r.path("subscriberId").asText()).containsExactly("inspectorate");
        JsonNode identity = IntakeService.json().readTree(vn.lienthong.gateway.identity.IdentityCommand.decrypt(
                recipients.get(0).path("jwe").asText(),
                vn.lienthong.gateway.identity.IdentityKeys.read(java.nio.file.Path.of("../docs/examples/demo-keys/inspectorate.identity.private.jwk.json"))));
        assertThat(identity.path("recordId").asText()).isEqualTo(result.id());
        assertThat(identity.path("reporter").path("name").asText()).isEqualTo("Lê Văn Cường");
        assertThat(identity.path("reporter").path("phone").asText()).isEqualTo("+84912345678");
        assertThat(identity.path("reporter").path("identityNumber").asText()).isEqualTo("036088004321");
    }

    @Test
    void withoutAnEntitledSubscriberTheIdentityIsStillRemoved() throws IOException {
        // the default pipeline (no keys at all): redaction does not depend on anyone being entitled
        intake.submit(nativeComplaint(fixture("portal/portal-hanoi.denunciation.json")));
        JsonNode record = publisher.published.get(0).body();
        assertThat(record.toString()).doesNotContain("Cường").doesNotContain("036088004321");
        assertThat(record.path("protectedIdentity").has("recipients")).isFalse();
    }

    @Test
    void aSourceCannotWriteProtectedIdentityItself() {
        String body = """
                {"kind":"FEEDBACK","source":{"recordId":"X-PI-1"},"body":"Nội dung",
                 "protectedIdentity":{"removed":["name"],"recipients":[{"subscriberId":"province-25","jwe":"a.b.c.d.e"}]}}""";
        intake.submit(new Submission("portal-hanoi", RecordType.COMPLAINT, Submission.Format.CANONICAL,
                body.getBytes(StandardCharsets.UTF_8), null));
        assertThat(publisher.published.get(0).body().has("protectedIdentity")).isFalse();
    }

    @Test
    void resubmissionGetsTheSameAnswerAndPublishesNothing() throws IOException {
        IntakeResult first = intake.submit(nativeComplaint(fixture("portal/portal-hanoi.complaint.json")));
        IntakeResult again = intake.submit(nativeComplaint(fixture("portal/portal-hanoi.complaint.json")));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.trackingCode()).isEqualTo(first.trackingCode());
        assertThat(again.status()).isEqualTo(IntakeResult.ALREADY_ACCEPTED);
        assertThat(publisher.published).hasSize(1);
    }

    @Test
    void batchOfDossiersComputesOverdue() throws IOException {
        List<IntakeResult> results = intake.submitAll(new Submission("dvc-province", RecordType.SERVICE_RECORD,
                Submission.Format.NATIVE, fixture("service-records/dvc-province.dossiers.json"), null));
        assertThat(results).hasSize(2).allMatch(r -> r.trackingCode().startsWith("HS"));
        assertThat(publisher.published).extracting(p -> p.body().path("overdue").asBoolean())
                .as("in progress past due on 13/03; returned 9 days late").containsExactly(true, true);
        assertThat(publisher.published.get(1).body().path("completedAt").asText()).isEqualTo("2026-04-09T15:30:00+07:00");
        assertThat(publisher.published.get(1).properties()).containsEntry("overdue", true).containsEntry("kind", "SERVICE_RECORD");
    }

    @Test
    void anInvalidRecordInABatchPublishesNothingAndNamesItsIndex() throws IOException {
        String batch = new String(fixture("service-records/dvc-province.dossiers.json"), StandardCharsets.UTF_8)
                .replace("\"DA_TRA_KET_QUA\"", "\"KHONG_RO\"");
        assertThatThrownBy(() -> intake.submitAll(new Submission("dvc-province", RecordType.SERVICE_RECORD,
                Submission.Format.NATIVE, batch.getBytes(StandardCharsets.UTF_8), null)))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.SCHEMA_INVALID);
                    assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/1/status");
                });
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void everyViolationIsListedWithItsPointer() {
        String body = """
                {"kind":"GOSSIP","source":{},"reporter":{"phone":"12","email":"not-mail"}}""";
        assertThatThrownBy(() -> intake.submit(new Submission("portal-hanoi", RecordType.COMPLAINT,
                Submission.Format.CANONICAL, body.getBytes(StandardCharsets.UTF_8), null)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.violations())
                        .extracting(Violation::pointer, Violation::code)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("/body", "schema.required"),
                                org.assertj.core.groups.Tuple.tuple("/kind", "schema.enum"),
                                org.assertj.core.groups.Tuple.tuple("/reporter/email", "schema.format"),
                                org.assertj.core.groups.Tuple.tuple("/source/recordId", "schema.required")));
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void canonicalRecordNamingAnotherSourceIsForbidden() {
        String body = """
                {"kind":"FEEDBACK","source":{"sourceId":"dvc-province","recordId":"x"},"body":"..."}""";
        assertThatThrownBy(() -> intake.submit(new Submission("portal-hanoi", RecordType.COMPLAINT,
                Submission.Format.CANONICAL, body.getBytes(StandardCharsets.UTF_8), null)))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SOURCE_MISMATCH));
    }

    @Test
    void gatewayOwnedFieldsCannotBeInjected() {
        String body = """
                {"id":"00000000-0000-5000-8000-000000000000","trackingCode":"PA22222222A","acceptedAt":"2000-01-01T00:00:00Z",
                 "kind":"FEEDBACK","source":{"recordId":"X-1"},"body":"Nội dung"}""";
        IntakeResult result = intake.submit(new Submission("portal-hanoi", RecordType.COMPLAINT,
                Submission.Format.CANONICAL, body.getBytes(StandardCharsets.UTF_8), null));
        JsonNode record = publisher.published.get(0).body();
        assertThat(record.path("id").asText()).isEqualTo(result.id()).isNotEqualTo("00000000-0000-5000-8000-000000000000");
        assertThat(record.path("acceptedAt").asText()).startsWith("2026-06-17");
    }

    @Test
    void brokerTroubleIsA503AndNothingIsAcknowledged() throws IOException {
        publisher.down = true;
        assertThatThrownBy(() -> intake.submit(nativeComplaint(fixture("portal/portal-hanoi.complaint.json"))))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BROKER_UNAVAILABLE));
    }

    @Test
    void malformedAndUndecodableInputAreNamed() {
        assertThatThrownBy(() -> intake.submit(nativeComplaint("{\"a\":".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_JSON);
                    assertThat(e.getMessage()).contains("line 1");
                });
        assertThatThrownBy(() -> intake.submit(new Submission("portal-hanoi", RecordType.COMPLAINT, Submission.Format.NATIVE,
                "{}".getBytes(StandardCharsets.UTF_8), "x-no-such-charset")))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNDECODABLE_TEXT));
        assertThatThrownBy(() -> intake.submit(new Submission("portal-hanoi", RecordType.SERVICE_RECORD,
                Submission.Format.NATIVE, "{}".getBytes(StandardCharsets.UTF_8), null)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NO_MAPPING));
    }

    @Test
    void legacyBytesMislabelledAsUtf8AreReadAndTheReportSaysSo() throws IOException {
        String json = new String(fixture("portal/portal-hanoi.complaint.json"), StandardCharsets.UTF_8);
        byte[] tcvn3 = vn.lienthong.gateway.normalize.text.LegacyCharset.TCVN3.encode(json);
        intake.submit(nativeComplaint(tcvn3));
        JsonNode record = publisher.published.get(0).body();
        assertThat(record.path("reporter").path("name").asText()).isEqualTo("Nguyễn Thị Hương");
        assertThat(record.path("quality").path("encoding").asText()).contains("TCVN3").contains("declared UTF-8");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(100) + "]".repeat(100);
        assertThatThrownBy(() -> intake.submit(nativeComplaint(deep.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_JSON));
    }

    /** Regression: one invalid byte in one field turned every other field into mojibake instead of being refused. */
    @Test
    void declaredUtf8WithAnInvalidByteInOneFieldIsRefusedAsUndecodable() throws IOException {
        String json = new String(fixture("portal/portal-hanoi.complaint.json"), StandardCharsets.UTF_8);
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        byte[] marker = "\"Xã Sơn Đông".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(utf8, marker) + 1;
        utf8[at] = (byte) 0xC3; // "X" becomes a lead byte without its continuation
        assertThatThrownBy(() -> intake.submit(nativeComplaint(utf8)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNDECODABLE_TEXT));
        assertThat(publisher.published).isEmpty();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
