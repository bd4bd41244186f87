package vn.lienthong.gateway.intake.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.intake.RecordValidator;
import vn.lienthong.gateway.intake.SourceMappings;
import vn.lienthong.gateway.intake.xml.XmlLimits;
import vn.lienthong.gateway.intake.xml.XsltMappings;
import vn.lienthong.gateway.normalize.VietnamesePayloadDecoder;
import vn.lienthong.gateway.normalize.VietnameseRecordNormalizer;
import vn.lienthong.gateway.publish.BrokerUnavailableException;
import vn.lienthong.gateway.publish.Feed;
import vn.lienthong.gateway.publish.PublishOutcome;
import vn.lienthong.gateway.publish.Publisher;

/** One source's drop directory with the real intake pipeline and a broker of our own. */
class FileDropProcessorTest {

    static final GatewayConfig CONFIG = GatewayConfig.load(Path.of("../gateway-config"), false);

    /** Drops repeats by id, as the broker does; can be down. */
    static final class Broker implements Publisher {
        final Set<String> ids = new HashSet<>();
        boolean down;

        @Override
        public PublishOutcome publish(Feed feed, byte[] body, Map<String, Object> properties, String duplicateId)
                throws BrokerUnavailableException {
            if (down) {
                throw new BrokerUnavailableException("down", null);
            }
            return ids.add(duplicateId) ? PublishOutcome.PUBLISHED : PublishOutcome.DUPLICATE;
        }
    }

    /** Remembers what was parked instead of sending it to lienthong.rejected. */
    static final class Parking extends RejectedInputs {
        final List<Map<String, Object>> parked = new ArrayList<>();

        Parking() {
            super(null);
        }

        @Override
        public synchronized void park(byte[] raw, Map<String, Object> properties) {
            parked.add(properties);
        }
    }

    final Broker broker = new Broker();
    final Parking parking = new Parking();
    final Clock clock = Clock.fixed(Instant.parse("2026-06-18T01:00:00Z"), ZoneOffset.UTC);
    final IntakeService intake = new IntakeService(CONFIG, SourceMappings.compile(CONFIG), new VietnamesePayloadDecoder(),
            new VietnameseRecordNormalizer(), new RecordValidator(), broker, clock);

    /** The shipped hotline source as configured: TCVN3. */
    FileDropProcessor tcvn3Processor() {
        return new FileDropProcessor(CONFIG.source("hotline-1022").orElseThrow(), intake, new VietnamesePayloadDecoder(),
                XsltMappings.compile(CONFIG), parking, XmlLimits.defaults(), 1_000_000, clock);
    }

    /** The shipped hotline source, exporting UTF-8 instead. */
    FileDropProcessor processor() {
        var hotline = CONFIG.source("hotline-1022").orElseThrow();
        var drop = hotline.fileDrop();
        var utf8 = new vn.lienthong.gateway.config.SourceDefinition(hotline.id(), hotline.name(), hotline.channel(), hotline.auth(),
                hotline.records(), hotline.normalization(), hotline.limits(), hotline.sms(), hotline.soap(),
                new vn.lienthong.gateway.config.SourceDefinition.FileDrop(null, "csv", "complaint", "UTF-8", null, null, null, drop.csv()), hotline.webhook());
        return new FileDropProcessor(utf8, intake, new VietnamesePayloadDecoder(), XsltMappings.compile(CONFIG), parking,
                XmlLimits.defaults(), 1_000_000, clock);
    }

    static final String CSV = "SoPhieu;ThoiGian;SoDienThoai;NoiDung;MaTinh;MaXa\r\n"
            + "1022-0001;17/06/2026 08:05;0163 777 8888;Phản ánh cán bộ phường chậm giải quyết hồ sơ;37;13708\r\n"
            + "1022-0002;17/06/2026 08:41;0912 000 111;;25;08866\r\n";

    @Test
    void goodRowsAreAcceptedAndTheFileGoesToErrorWithBothReports(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("calls.csv"), CSV);
        FileDropProcessor.FileOutcome outcome = processor().process(file);

        assertThat(outcome.accepted()).isEqualTo(1);
        assertThat(outcome.refused()).isEqualTo(1);
        assertThat(outcome.target()).isEqualTo(dir.resolve("error/20260618-010000-000-calls.csv")).exists();
        assertThat(file).doesNotExist();
        assertThat(Files.readAllLines(dir.resolve("error/20260618-010000-000-calls.csv.receipt.csv")))
                .hasSize(2).last().asString().startsWith("1,1022-0001,").endsWith(",ACCEPTED");
        assertThat(Files.readAllLines(dir.resolve("error/20260618-010000-000-calls.csv.errors.csv")))
                .hasSize(2).last().asString().startsWith("2,1022-0002,client.schema-invalid,");
        assertThat(parking.parked).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("sourceId", "hotline-1022").containsEntry("row", 2L).containsEntry("errorCode", "client.schema-invalid")
                .containsEntry("fileName", "calls.csv"));
    }

    @Test
    void theSameFileAgainAcceptsNothingTwice(@TempDir Path dir) throws IOException {
        String clean = CSV.substring(0, CSV.lastIndexOf("1022-0002"));
        processor().process(Files.writeString(dir.resolve("calls.csv"), clean));
        FileDropProcessor.FileOutcome again = processor().process(Files.writeString(dir.resolve("calls.csv"), clean));

        assertThat(again.target().getParent()).isEqualTo(dir.resolve("done"));
        assertThat(again.rows()).singleElement().satisfies(r -> assertThat(r.result().status()).isEqualTo("ALREADY_ACCEPTED"));
        assertThat(broker.ids).hasSize(1);
    }

    @Test
    void theTcvn3ExportIsDecodedThroughThePayloadDecoder(@TempDir Path dir) throws IOException {
        Path file;
        try (var in = FileDropProcessorTest.class.getResourceAsStream("/fixtures/portal/hotline-export.tcvn3.csv")) {
            file = Files.write(dir.resolve("hotline-export.csv"), in.readAllBytes());
        }
        FileDropProcessor.FileOutcome outcome = tcvn3Processor().process(file);
        assertThat(outcome.refused()).isZero();
        assertThat(outcome.rows()).extracting(r -> r.sourceRecordId()).containsExactly("1022-0001", "1022-0002");
        assertThat(outcome.target().getParent()).isEqualTo(dir.resolve("done"));
    }

    @Test
    void aFileWithoutTheConfiguredColumnsIsParkedWhole(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("calls.csv"), "SoPhieu,NoiDung\r\nA,b\r\n");
        FileDropProcessor.FileOutcome outcome = processor().process(file);
        assertThat(outcome.fileProblem().errorCode().code()).isEqualTo("client.malformed-csv");
        assertThat(Files.readString(outcome.target().resolveSibling(outcome.target().getFileName() + ".errors.csv"), StandardCharsets.UTF_8))
                .contains("0,,client.malformed-csv,");
        assertThat(parking.parked).singleElement().satisfies(p -> assertThat(p).containsEntry("row", 0L));
    }

    @Test
    void withTheBrokerDownTheFileStaysForTheNextPoll(@TempDir Path dir) throws IOException {
        broker.down = true;
        Path file = Files.writeString(dir.resolve("calls.csv"), CSV);
        assertThatThrownBy(() -> processor().process(file)).isInstanceOf(IOException.class).hasMessageContaining("read again");
        assertThat(file).exists();
        assertThat(dir.resolve("error")).doesNotExist();
    }
}
