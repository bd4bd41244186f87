package vn.lienthong.gateway.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.messagelog.Database;
import vn.lienthong.gateway.messagelog.LogFixtures;
import vn.lienthong.gateway.messagelog.LogMessages;
import vn.lienthong.gateway.messagelog.MessageLogRecorder;
import vn.lienthong.gateway.messagelog.MutableClock;
import vn.lienthong.gateway.messagelog.TestDatabases;
import vn.lienthong.gateway.publish.Feed;

/**
 * The case counts by status that the Prometheus gauges read are kept on every change instead of
 * counted over all cases; whatever happens to the cases, they equal a count of the cases.
 */
class CaseCountsTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-20T07:00:00Z"));
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ReporterKeys keys = new ReporterKeys(new byte[32]);
    Database db;
    PortalWebhooks webhooks;

    @AfterEach
    void close() {
        TestDatabases.close(db);
    }

    @Test
    void keptCountsFollowEveryChangeOfEveryCase() throws Exception {
        db = TestDatabases.h2(Files.createTempDirectory("lienthong-counts"));
        MessageLogRecorder recorder = recorder();
        TrackingService tracking = new TrackingService(db, keys, webhooks, new CaseListeners(List.of()), clock, meters);
        CaseFigures figures = new CaseFigures(db, clock);

        LogFixtures.Accepted a = LogFixtures.complaint("c-1", "DENUNCIATION", "37", "PORTAL_REST", "+84912345678", clock.instant());
        LogFixtures.Accepted b = LogFixtures.complaint("c-2", "COMPLAINT", "25", "SMS", "+84383456789", clock.instant());
        LogFixtures.Accepted c = LogFixtures.complaint("c-3", "COMPLAINT", "25", "PORTAL_REST", "+84383000111", clock.instant());
        recorder.record(List.of(a.message(), b.message()));
        recorder.record(List.of(c.message()));
        assertThat(kept()).isEqualTo(counted()).containsExactlyEntriesOf(Map.of("RECEIVED", 3L));
        assertThat(figures.countWithStatus(CaseStatus.RECEIVED)).isEqualTo(3);

        // the reports below come later than the acceptance, and one of them is dated before the others
        // (a status dated before its case was accepted is refused)
        clock.advance(Duration.ofHours(2));
        // delivered twice in one batch: forwarded once
        recorder.record(List.of(LogFixtures.delivered(b.recordId(), "province-25", clock.instant()),
                LogFixtures.delivered(b.recordId(), "inspectorate", clock.instant())));
        apply(tracking, a, CaseStatus.ACCEPTED_FOR_HANDLING, "000.00.00.H37");
        apply(tracking, a, CaseStatus.IN_PROGRESS, "000.00.00.H37");
        apply(tracking, a, CaseStatus.IN_PROGRESS, "000.00.00.H37");
        apply(tracking, b, CaseStatus.TRANSFERRED, "000.00.00.H40");
        apply(tracking, c, CaseStatus.REJECTED, "000.00.00.H26");
        apply(tracking, c, CaseStatus.RESOLVED, "000.00.00.H26");
        // a report older than the case's status goes into its history only
        tracking.apply(new StatusUpdate(a.trackingCode(), CaseStatus.REJECTED, null, "000.00.00.H37", null,
                CaseRow.local(clock.instant().minus(Duration.ofHours(1)))), "inspectorate", "rest");

        assertThat(kept()).isEqualTo(counted())
                .containsAllEntriesOf(Map.of("IN_PROGRESS", 1L, "TRANSFERRED", 1L, "RESOLVED", 1L, "RECEIVED", 0L, "FORWARDED", 0L));
        clock.advance(Duration.ofSeconds(16));
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(figures.countWithStatus(status)).as(status.name()).isEqualTo((double) counted().getOrDefault(status.name(), 0L));
        }
    }

    @Test
    void theMigrationCountsTheCasesAlreadyStored() throws Exception {
        Path dir = Files.createTempDirectory("lienthong-counts-migration");
        HikariDataSource ds = new HikariDataSource(Database.embeddedConfig(dir, false));
        db = new Database(ds, true);
        Flyway.configure().dataSource(ds).target("2").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            String[][] cases = {{"r-1", "RECEIVED"}, {"r-2", "RECEIVED"}, {"r-3", "RESOLVED"}};
            for (String[] row : cases) {
                s.executeUpdate("INSERT INTO tracked_case (record_id, tracking_code, record_type, source_id, status, accepted_at, updated_at, "
                        + "overdue, recipients, delivered, last_seq) VALUES ('" + row[0] + "', 'PAX', 'complaint', 'portal-hanoi', '" + row[1]
                        + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, FALSE, '', '', 1)");
            }
        }
        Flyway.configure().dataSource(ds).load().migrate();
        assertThat(kept()).isEqualTo(counted()).containsExactlyEntriesOf(new TreeMap<>(Map.of("RECEIVED", 2L, "RESOLVED", 1L)));
    }

    @Test
    void theOverdueGaugeCountsInTheBackgroundAndAtMostEvery15Seconds() throws Exception {
        db = TestDatabases.h2(Files.createTempDirectory("lienthong-overdue"));
        MessageLogRecorder recorder = recorder();
        List<Runnable> queued = new ArrayList<>();
        CaseFigures figures = new CaseFigures(db, clock, queued::add);

        recorder.record(List.of(dossier("d-1", clock.instant().minus(Duration.ofDays(1))), dossier("d-2", clock.instant().plus(Duration.ofDays(3)))));
        assertThat(figures.overdueServiceRecords()).as("nothing counted yet; the scrape does not wait").isNaN();
        assertThat(figures.overdueServiceRecords()).as("one count at a time").isNaN();
        assertThat(queued).hasSize(1);
        queued.remove(0).run();
        assertThat(figures.overdueServiceRecords()).isEqualTo(1.0);
        assertThat(queued).as("counted less than 15 s ago").isEmpty();

        clock.advance(Duration.ofDays(4));
        assertThat(figures.overdueServiceRecords()).as("the last count until the next one is done").isEqualTo(1.0);
        queued.remove(0).run();
        assertThat(figures.overdueServiceRecords()).isEqualTo(2.0);
    }

    /** The log writer's recorder on {@link #db}, with the webhooks it queues portal changes on. */
    private MessageLogRecorder recorder() {
        webhooks = new PortalWebhooks(db, LogFixtures.CONFIG, new TrackingProperties.Webhook(null, null, null), clock, meters);
        return new MessageLogRecorder(db, new Recipients(LogFixtures.CONFIG), keys, webhooks, clock);
    }

    /** An online-service dossier due at {@code due}, not completed. */
    private LogMessages.Received dossier(String sourceRecordId, Instant due) {
        LogMessages.Received m = LogFixtures.complaint(sourceRecordId, "SERVICE_RECORD", "25", "PORTAL_REST", "+84912345678", clock.instant())
                .message();
        Map<String, Object> properties = new HashMap<>(m.properties());
        properties.put("recordType", "service-record");
        properties.put("overdue", false);
        LogMessages.CaseFields fields = new LogMessages.CaseFields(m.fields().acceptedAt(), sourceRecordId,
                due.atOffset(ZoneOffset.ofHours(7)).toString(), null, null);
        return new LogMessages.Received(m.eventKey(), m.recordId(), Feed.SERVICE_RECORDS, properties, fields, m.canonical(), m.raw(),
                m.rawFormat());
    }

    private void apply(TrackingService tracking, LogFixtures.Accepted record, CaseStatus status, String agency) {
        clock.advance(Duration.ofMinutes(1));
        tracking.apply(new StatusUpdate(record.trackingCode(), status, null, agency, null, CaseRow.local(clock.instant())), "inspectorate", "rest");
    }

    /** The kept counts, leaving out statuses no case has had. */
    private Map<String, Long> kept() throws Exception {
        return db.read(CaseStore::statusCounts);
    }

    /** A count over the cases, with a zero for every status the kept counts name. */
    private Map<String, Long> counted() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        kept().keySet().forEach(status -> counts.put(status, 0L));
        db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT status, COUNT(*) FROM tracked_case GROUP BY status")) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getLong(2));
                }
            }
            return null;
        });
        return counts;
    }
}
