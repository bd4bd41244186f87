package vn.lienthong.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.broker.BrokerAddresses;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.messagelog.MessageLogCapture;
import vn.lienthong.gateway.normalize.VietnamesePayloadDecoder;
import vn.lienthong.gateway.normalize.VietnameseRecordNormalizer;
import vn.lienthong.gateway.normalize.RecordType;
import vn.lienthong.gateway.publish.Companion;
import vn.lienthong.gateway.publish.Feed;
import vn.lienthong.gateway.publish.PublishOutcome;
import vn.lienthong.gateway.publish.Publisher;

/** The intake pipeline with the message log: what travels with each record, and ids the log already knows. */
class IntakeLogTest {

    static final GatewayConfig CONFIG = GatewayConfig.load(GatewayConfigPaths.SHIPPED, false);

    record Sent(Feed feed, byte[] body, Map<String, Object> properties, Companion companion) {
    }

    /** Stores what the broker would store in one transaction. */
    final List<Sent> sent = new ArrayList<>();
    final Set<String> knownToTheLog = new HashSet<>();
    final Publisher publisher = new Publisher() {
        @Override
        public PublishOutcome publish(Feed feed, byte[] body, Map<String, Object> properties, String duplicateId) {
            return publish(feed, body, properties, duplicateId, null);
        }

        @Override
        public PublishOutcome publish(Feed feed, byte[] body, Map<String, Object> properties, String duplicateId, Companion companion) {
            sent.add(new Sent(feed, body, properties, companion));
            return PublishOutcome.PUBLISHED;
        }
    };
    final IntakeService intake = new IntakeService(CONFIG, SourceMappings.compile(CONFIG), new VietnamesePayloadDecoder(),
            new VietnameseRecordNormalizer(), new RecordValidator(), publisher, new MessageLogCapture(knownToTheLog::contains),
            Clock.fixed(Instant.parse("2026-06-17T01:00:00Z"), ZoneOffset.UTC));

    @Test
    void eachRecordCarriesItsLogEntryWithTheRawInputAsReceived() throws IOException {
        byte[] raw = IntakeServiceTest.fixture("portal/portal-hanoi.denunciation.json");
        IntakeResult result = intake.submit(new Submission("portal-hanoi", RecordType.COMPLAINT, Submission.Format.NATIVE, raw, "UTF-8"));

        Sent s = sent.get(0);
        Companion log = s.companion();
        assertThat(log.address()).isEqualTo(BrokerAddresses.MESSAGE_LOG);
        assertThat(log.properties()).containsEntry("logEvent", "RECEIVED").containsEntry("logRecordId", result.id())
                .containsEntry("kind", "DENUNCIATION")
                .containsEntry("trackingCode", result.trackingCode());
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(log.body()));
        assertThat(in.readUnsignedByte()).isEqualTo(2);
        assertThat(in.readNBytes(in.readInt())).as("the canonical record, as published").isEqualTo(s.body());
        assertThat(in.readNBytes(in.readInt())).as("the raw input, byte for byte").isEqualTo(raw);
        // a denunciation: the log's canonical record is the published one, without its author (the raw
        // input keeps it, readable only with identity:read, see AdminRoutes)
        assertThat(new String(s.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Cường").doesNotContain("036088004321");
        assertThat(log.properties().values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain("Cường")
                .doesNotContain("912345678"));
    }

    @Test
    void aRecordTheLogAlreadyHoldsIsAnsweredAlreadyAcceptedAndNotPublished() throws IOException {
        byte[] raw = IntakeServiceTest.fixture("portal/portal-hanoi.complaint.json");
        Submission submission = new Submission("portal-hanoi", RecordType.COMPLAINT, Submission.Format.NATIVE, raw, "UTF-8");
        IntakeResult first = intake.submit(submission);
        knownToTheLog.add(first.id());
        sent.clear();

        IntakeResult again = intake.submit(submission);
        assertThat(again.status()).isEqualTo(IntakeResult.ALREADY_ACCEPTED);
        assertThat(again.trackingCode()).isEqualTo(first.trackingCode());
        assertThat(sent).isEmpty();
    }

    @Test
    void eachRecordOfABatchCarriesTheBatchAsReceived() throws IOException {
        byte[] raw = IntakeServiceTest.fixture("service-records/dvc-province.dossiers.json");
        List<IntakeResult> results = intake.submitAll(new Submission("dvc-province", RecordType.SERVICE_RECORD, Submission.Format.NATIVE,
                raw, "UTF-8"));
        assertThat(results).hasSize(2);
        for (Sent s : sent) {
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(s.companion().body()));
            in.readUnsignedByte();
            in.readNBytes(in.readInt());
            assertThat(in.readNBytes(in.readInt())).isEqualTo(raw);
        }
        assertThat(sent).extracting(s -> s.companion().properties().get("logRecordId"))
                .containsExactlyElementsOf(results.stream().map(IntakeResult::id).toList());
    }
}
