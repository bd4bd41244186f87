package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.tracking.CaseListeners;
import vn.lienthong.gateway.tracking.CaseStatus;
import vn.lienthong.gateway.tracking.CaseRow;
import vn.lienthong.gateway.tracking.PortalWebhooks;
import vn.lienthong.gateway.tracking.Recipients;
import vn.lienthong.gateway.tracking.ReporterKeys;
import vn.lienthong.gateway.tracking.StatusUpdate;
import vn.lienthong.gateway.tracking.TrackingProperties;
import vn.lienthong.gateway.tracking.TrackingService;

/**
 * The message log as an inspector checks it. Given a log with records received, published,
 * delivered, forwarded and a status report: altering any single byte of any column of any entry, or of
 * any stored payload, makes the verification name that entry; a deleted entry or a cut tail is found;
 * retention empties payloads and the chain still verifies. Run on the embedded database
 * ({@code ChainTamperingTest}) and on PostgreSQL ({@code ChainTamperingPostgresIT}).
 */
public abstract class ChainTamperingContract {

    static final String[] COLUMNS = {"seq", "event_key", "event", "record_id", "tracking_code", "subscriber_id", "record_prev_seq",
            "occurred_at", "logged_at", "details", "payload_sha256", "record_sha256", "prev_hash", "hash"};

    protected Database db;
    protected final PayloadSeal seal = PayloadSeal.random();
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-20T07:00:00Z"));

    /** A new, migrated, empty database. */
    protected abstract Database newDatabase() throws Exception;

    @BeforeEach
    void fillLog() throws Exception {
        db = newDatabase();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PortalWebhooks webhooks = new PortalWebhooks(db, LogFixtures.CONFIG, new TrackingProperties.Webhook(null, null, null), clock, meters);
        ReporterKeys keys = new ReporterKeys(new byte[32]);
        MessageLogRecorder recorder = new MessageLogRecorder(db, new Recipients(LogFixtures.CONFIG), keys, webhooks, clock, seal,
                id -> { });
        LogFixtures.Accepted a = LogFixtures.complaint("tamper-1", "DENUNCIATION", "37", "PORTAL_REST", "+84912345678", clock.instant());
        LogFixtures.Accepted b = LogFixtures.complaint("tamper-2", "COMPLAINT", "25", "SMS", "+84383456789", clock.instant());
        recorder.record(List.of(a.message(), b.message()));
        clock.advance(Duration.ofMinutes(5));
        recorder.record(List.of(LogFixtures.delivered(a.recordId(), "inspectorate", clock.instant())));
        TrackingService tracking = new TrackingService(db, keys, webhooks, new CaseListeners(List.of()), clock, meters);
        tracking.apply(new StatusUpdate(a.trackingCode(), CaseStatus.IN_PROGRESS, "cán bộ phụ trách: Trần Văn C", "000.00.00.H37",
                "Thanh tra tỉnh", CaseRow.local(clock.instant())), "inspectorate", "rest");
        assertThat(entryCount()).as("RECEIVED+PUBLISHED ×2, DELIVERED, FORWARDED, STATUS_UPDATED").isEqualTo(7);
    }

    @AfterEach
    void close() {
        TestDatabases.close(db);
    }

    ChainVerifier.Result verify() throws SQLException {
        return db.read(ChainVerifier::verify);
    }

    long entryCount() throws SQLException {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM log_entry")) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    @Test
    void anUntouchedLogVerifies() throws Exception {
        ChainVerifier.Result result = verify();
        assertThat(result.intact()).as(String.valueOf(result.mismatch())).isTrue();
        assertThat(result.entries()).isEqualTo(7);
        assertThat(result.payloadsChecked()).as("2 raw inputs, 2 records, 1 status report").isEqualTo(5);
    }

    @Test
    void theWalkReportsItsProgress() throws Exception {
        java.util.List<Long> reported = new java.util.ArrayList<>();

        ChainVerifier.Result result = db.read(c -> ChainVerifier.verify(c, reported::add));

        assertThat(reported).last().isEqualTo(result.entries());
    }

    @Test
    void aSingleAlteredByteInAnyColumnOfAnyEntryIsNamed() throws Exception {
        long entries = entryCount();
        int checked = 0;
        for (long seq = 1; seq <= entries; seq++) {
            for (String column : COLUMNS) {
                String original = value(seq, column);
                if (original == null) {
                    continue;
                }
                String altered = alterOneCharacter(original, column, entries);
                set(seq, column, altered);
                long at = "seq".equals(column) ? Long.parseLong(altered) : seq;
                ChainVerifier.Result result = verify();
                assertThat(result.mismatch()).as("entry %d, column %s altered from %s to %s", seq, column, original, altered)
                        .isPresent();
                if ("seq".equals(column)) {
                    // a renumbered entry leaves a gap where it was: the gap (its payloads are orphaned), the entry after
                    // it, or the entry itself is named
                    assertThat(result.mismatch().get().seq()).isIn(seq, seq + 1, at);
                } else {
                    assertThat(result.mismatch().get().seq()).as("column %s of entry %d", column, seq).isEqualTo(seq);
                }
                set(at, column, original);
                assertThat(verify().intact()).isTrue();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void aSingleAlteredByteInAnyPayloadNamesItsEntry() throws Exception {
        List<long[]> payloads = db.read(c -> {
            List<long[]> list = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT seq, kind FROM log_payload ORDER BY seq, kind")) {
                while (r.next()) {
                    list.add(new long[] {r.getLong(1), PayloadStore.Kind.valueOf(r.getString(2)).ordinal()});
                }
            }
            return list;
        });
        assertThat(payloads).hasSize(5);
        for (long[] p : payloads) {
            PayloadStore.Kind kind = PayloadStore.Kind.values()[(int) p[1]];
            byte[] original = content(p[0], kind);
            for (int position : new int[] {0, original.length / 2, original.length - 5}) {
                byte[] altered = original.clone();
                altered[position] ^= 0x01;
                setContent(p[0], kind, altered);
                Optional<ChainVerifier.Mismatch> mismatch = verify().mismatch();
                assertThat(mismatch).as("%s payload of entry %d, byte %d", kind, p[0], position).isPresent();
                assertThat(mismatch.get().seq()).isEqualTo(p[0]);
                setContent(p[0], kind, original);
            }
        }
        assertThat(verify().intact()).isTrue();
    }

    /** Entry 1 is a denunciation's RECEIVED (its author protected), entry 3 a plain complaint's. */
    @Test
    void aProtectedReportersRawInputIsNotStoredInClear() throws Exception {
        byte[] stored = content(1, PayloadStore.Kind.RAW);
        String readable = new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!PayloadSeal.isSealed(stored)) {
            readable += new String(Gzip.decompress(stored), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(readable).as("the denunciation's raw input as the database holds it")
                .doesNotContain("912345678").doesNotContain("maPhanAnh");
        assertThat(value(1, "payload_sha256")).as("the entry's digest is of the sealed bytes, checkable without the key")
                .isEqualTo(EntryHash.sha256Hex(stored));

        MessageLogQueries withKey = new MessageLogQueries(db, seal);
        assertThat(new String(withKey.content(1, PayloadStore.Kind.RAW).orElseThrow(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("+84912345678");
        assertThat(withKey.isSealed(1, PayloadStore.Kind.RAW)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MessageLogQueries(db, PayloadSeal.random())
                .content(1, PayloadStore.Kind.RAW)).as("another key").isInstanceOf(java.io.IOException.class);

        // a plain complaint's raw input stays gzip (nothing protected in it), and the chain verifies without the key
        assertThat(withKey.isSealed(3, PayloadStore.Kind.RAW)).isFalse();
        assertThat(new String(Gzip.decompress(content(3, PayloadStore.Kind.RAW)), java.nio.charset.StandardCharsets.UTF_8))
                .contains("+84383456789");
        assertThat(verify().intact()).isTrue();

        // a sealed input replaced by another record's sealed input, or by a plain copy, is found
        byte[] other = seal.seal("{\"maPhanAnh\":\"tamper-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        setContent(1, PayloadStore.Kind.RAW, other);
        assertThat(verify().mismatch()).get().extracting(ChainVerifier.Mismatch::seq).isEqualTo(1L);
        setContent(1, PayloadStore.Kind.RAW, Gzip.compress(withKey.content(3, PayloadStore.Kind.RAW).orElseThrow()));
        assertThat(verify().mismatch()).get().extracting(ChainVerifier.Mismatch::seq).isEqualTo(1L);
        setContent(1, PayloadStore.Kind.RAW, stored);
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void aDeletedEntryOrACutTailIsFound() throws Exception {
        delete(3);
        // entry 3 held payloads, which now belong to no entry; without them the gap before entry 4 is named
        assertThat(verify().mismatch()).get().extracting(ChainVerifier.Mismatch::seq).isEqualTo(3L);
        delete(5);
        assertThat(verify().mismatch()).get().extracting(ChainVerifier.Mismatch::seq).isEqualTo(3L);
    }

    @Test
    void aCutTailIsFoundByTheHead() throws Exception {
        delete(7);
        ChainVerifier.Result result = verify();
        assertThat(result.mismatch()).isPresent();
        assertThat(result.mismatch().get().reason()).contains("head");
    }

    @Test
    void retentionEmptiesPayloadsAndTheChainStillVerifies() throws Exception {
        clock.advance(Duration.ofDays(400));
        int purged = new MessageLogRetention(db, Duration.ofDays(365), clock).purgeOnce();
        assertThat(purged).isEqualTo(5);
        ChainVerifier.Result result = verify();
        assertThat(result.intact()).as(String.valueOf(result.mismatch())).isTrue();
        assertThat(result.payloadsPurged()).isEqualTo(5);
        assertThat(result.payloadsChecked()).isZero();
        assertThat(result.entries()).as("the purge is itself an entry").isEqualTo(8);
        long phones = db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT COUNT(*) FROM tracked_case WHERE notify_phone IS NOT NULL")) {
                r.next();
                return r.getLong(1);
            }
        });
        assertThat(phones).as("the SMS reporter's number is forgotten too").isZero();
    }

    @Test
    void aPayloadEmptiedOutsideRetentionOrRemovedIsFound() throws Exception {
        setContent(1, PayloadStore.Kind.RAW, null);
        assertThat(verify().mismatch()).get().extracting(ChainVerifier.Mismatch::seq).isEqualTo(1L);
        setContent(1, PayloadStore.Kind.RAW, Gzip.compress("{}".getBytes()));
        assertThat(verify().mismatch()).get().extracting(ChainVerifier.Mismatch::seq).isEqualTo(1L);
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("DELETE FROM log_payload WHERE seq = 3 AND kind = 'RECORD'");
            }
        });
        assertThat(verify().mismatch()).get().extracting(ChainVerifier.Mismatch::seq).isEqualTo(1L);
        setContent(1, PayloadStore.Kind.RAW, null);
    }

    // --- helpers -----------------------------------------------------------------------------

    static String alterOneCharacter(String value, String column, long entries) {
        if ("seq".equals(column)) {
            return Long.toString(Long.parseLong(value) + entries + 1);
        }
        int i = value.length() / 2;
        char c = value.charAt(i);
        char replacement = Character.isDigit(c) ? (c == '9' ? '8' : (char) (c + 1)) : (c == 'a' ? 'b' : c == 'A' ? 'B' : 'a');
        return value.substring(0, i) + replacement + value.substring(i + 1);
    }

    String value(long seq, String column) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM log_entry WHERE seq = ?")) {
                s.setLong(1, seq);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
    }

    void set(long seq, String column, String value) throws SQLException {
        boolean number = column.equals("seq") || column.endsWith("_at") || column.endsWith("_seq");
        db.inTransaction(c -> {
            String where = "seq".equals(column) ? "seq = ? OR seq = ?" : "seq = ?";
            try (PreparedStatement s = c.prepareStatement("UPDATE log_entry SET " + column + " = ? WHERE " + where)) {
                if (number) {
                    s.setLong(1, Long.parseLong(value));
                } else {
                    s.setString(1, value);
                }
                s.setLong(2, seq);
                if ("seq".equals(column)) {
                    // restoring: the row now has the altered number
                    s.setLong(3, seq);
                }
                return s.executeUpdate();
            }
        });
    }

    void delete(long seq) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM log_entry WHERE seq = ?")) {
                s.setLong(1, seq);
                return s.executeUpdate();
            }
        });
    }

    byte[] content(long seq, PayloadStore.Kind kind) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT content FROM log_payload WHERE seq = ? AND kind = ?")) {
                s.setLong(1, seq);
                s.setString(2, kind.name());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getBytes(1);
                }
            }
        });
    }

    void setContent(long seq, PayloadStore.Kind kind, byte[] content) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE log_payload SET content = ? WHERE seq = ? AND kind = ?")) {
                s.setBytes(1, content);
                s.setLong(2, seq);
                s.setString(3, kind.name());
                return s.executeUpdate();
            }
        });
    }
}
