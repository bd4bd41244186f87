package vn.lienthong.gateway.messagelog;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.intake.IntakeLog;
import vn.lienthong.gateway.tracking.CaseRow;
import vn.lienthong.gateway.tracking.CaseStatus;
import vn.lienthong.gateway.tracking.CaseStore;
import vn.lienthong.gateway.tracking.ReporterKeys;

/**
 * Exactly one request per record id publishes, across every gateway instance sharing the log store:
 * a row in {@code acceptance_claim}, whose primary key only one insert can take, is held while the
 * record is published. The others wait for its outcome: PUBLISHED (they answer
 * {@code ALREADY_ACCEPTED}), or the row released because the broker did not confirm (one of them
 * claims it). A CLAIMED row older than {@code staleAfter} belongs to a request that died between
 * claiming and saying how the send went: another request takes it over and publishes, and the
 * broker's duplicate-id cache tells whether the dead one's record reached the queues. So a claim
 * never makes a retry answer {@code ALREADY_ACCEPTED} for a record that is on no queue.
 * <p>
 * A PUBLISHED row is also what makes the tracking code known at once ({@link #publishedCase}): the
 * log writer stores the case later and deletes the row in the same transaction.
 * <p>
 * When the store does not answer, intake does not wait for it (as for the known-id lookup): the
 * claim is granted for a few seconds without the database, and the in-process claim and the broker's
 * duplicate-id cache are what is left.
 * <p>
 * An embedded store (H2 under the data directory, which one gateway alone may open) has no other
 * instance to claim against: there the claim lives in memory ({@link #local}). The in-process claim
 * already stops concurrent copies; the claim only remembers the records published and not yet logged,
 * for tracking. The database claim's two commits per record cost the embedded store's intake about
 * two thirds of its rate (docs/decisions.md).
 */
public final class AcceptanceClaims {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptanceClaims.class);
    private static final long PAUSE_MILLIS = 10_000;
    private static final String CLAIMED = "CLAIMED";
    private static final String PUBLISHED = "PUBLISHED";

    private final Database db;
    private final ReporterKeys reporterKeys;
    private final Clock clock;
    private final Duration staleAfter;
    private final boolean shared;
    /** Local claims: published records the writer may not have logged yet, by record id. */
    private final java.util.concurrent.ConcurrentHashMap<String, CaseRow> publishedNotLogged = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong publishedCount = new java.util.concurrent.atomic.AtomicLong();
    private volatile long skipUntil;

    /** How long a local claim remembers a published record: far longer than the writer lags behind intake. */
    static final Duration REMEMBER_PUBLISHED = Duration.ofSeconds(60);

    /**
     * Claims in the log store's {@code acceptance_claim} table, shared by every instance using the store.
     *
     * @param staleAfter a claim this old is abandoned: longer than a send may take (the send timeout)
     */
    public AcceptanceClaims(Database db, ReporterKeys reporterKeys, Clock clock, Duration staleAfter) {
        this(db, reporterKeys, clock, staleAfter, true);
    }

    private AcceptanceClaims(Database db, ReporterKeys reporterKeys, Clock clock, Duration staleAfter, boolean shared) {
        this.db = db;
        this.reporterKeys = reporterKeys;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.shared = shared;
    }

    /** Claims held in this process: for a store no other gateway instance can open (the embedded one). */
    public static AcceptanceClaims local(Database db, ReporterKeys reporterKeys, Clock clock) {
        return new AcceptanceClaims(db, reporterKeys, clock, Duration.ZERO, false);
    }

    /** Claims in the database when other instances may share it, in memory when the store is embedded. */
    public static AcceptanceClaims forStore(Database db, ReporterKeys reporterKeys, Clock clock, Duration staleAfter) {
        return db.embedded() ? local(db, reporterKeys, clock) : new AcceptanceClaims(db, reporterKeys, clock, staleAfter);
    }

    public IntakeLog.Claim claim(IntakeLog.Accepting a) {
        if (!shared) {
            return new Local(a);
        }
        if (System.currentTimeMillis() < skipUntil) {
            return IntakeLog.Claim.GRANTED;
        }
        // waits a little longer than a claim may live: by then it is resolved or may be taken over
        long deadline = System.nanoTime() + staleAfter.toNanos() * 2;
        long pause = 5;
        try {
            while (true) {
                String token = UUID.randomUUID().toString();
                Optional<Boolean> taken = tryInsert(a, token);
                if (taken.isPresent()) {
                    return taken.get() ? new Held(a.recordId(), token) : Already.INSTANCE;
                }
                Optional<Row> row = db.read(c -> current(c, a.recordId()));
                if (row.isPresent()) {
                    if (PUBLISHED.equals(row.get().state())) {
                        return Already.INSTANCE;
                    }
                    if (row.get().claimedAt().isBefore(clock.instant().minus(staleAfter)) && takeOver(a.recordId(), row.get(), token)) {
                        LOG.warn("record {} was claimed at {} and never published: taken over", a.recordId(), row.get().claimedAt());
                        return new Held(a.recordId(), token);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE,
                            "the same record is still being accepted by an earlier request; retry later");
                }
                sleep(pause);
                pause = Math.min(50, pause * 2);
            }
        } catch (SQLException | RuntimeException e) {
            if (e instanceof GatewayException g) {
                throw g;
            }
            skipUntil = System.currentTimeMillis() + PAUSE_MILLIS;
            LOG.warn("log store did not answer the acceptance claim; relying on the in-process claim and the broker's duplicate "
                    + "detection for {} s: {}", PAUSE_MILLIS / 1000, e.toString());
            return IntakeLog.Claim.GRANTED;
        }
    }

    /** @return true: claimed; false: the case is stored already; empty: someone else holds the claim */
    private Optional<Boolean> tryInsert(IntakeLog.Accepting a, String token) throws SQLException {
        try {
            return Optional.of(db.inTransaction(c -> {
                relaxed(c);
                Instant now = clock.instant();
                try (PreparedStatement s = c.prepareStatement("INSERT INTO acceptance_claim (record_id, tracking_code, record_type, kind, "
                        + "source_id, channel, reporter_key, accepted_at, state, claimed_at, token) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                    s.setString(1, a.recordId());
                    s.setString(2, a.trackingCode());
                    s.setString(3, a.recordType());
                    CaseStore.text(s, 4, a.kind());
                    s.setString(5, a.sourceId());
                    CaseStore.text(s, 6, a.channel());
                    CaseStore.text(s, 7, reporterKey(a.record()));
                    CaseStore.time(s, 8, a.acceptedAt());
                    s.setString(9, CLAIMED);
                    CaseStore.time(s, 10, now);
                    s.setString(11, token);
                    s.executeUpdate();
                }
                // the writer deletes the claim when it stores the case: a case stored since the known-id
                // lookup is a resubmission (the transaction rolls back, so nothing stays claimed)
                if (CaseStore.exists(c, a.recordId())) {
                    throw new AlreadyStored();
                }
                return true;
            }));
        } catch (AlreadyStored e) {
            return Optional.of(false);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * PostgreSQL: the claim's commit is visible to every session at once but does not wait for its
     * WAL flush. A claim lost with a power cut costs nothing the broker does not cover: a lost
     * CLAIMED row lets a retry publish (the broker's duplicate-id cache has the id if the record got
     * there), a lost PUBLISHED row makes the code trackable only once the writer stored the case.
     */
    private void relaxed(Connection c) throws SQLException {
        if (!db.embedded()) {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SET LOCAL synchronous_commit TO OFF");
            }
        }
    }

    private String reporterKey(JsonNode record) {
        JsonNode person = record.has("reporter") ? record.path("reporter") : record.path("applicant");
        JsonNode phone = person.path("phone");
        return phone.isTextual() ? reporterKeys.of(phone.textValue()) : null;
    }

    private record Row(String state, Instant claimedAt, String token) {
    }

    private static Optional<Row> current(Connection c, String recordId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT state, claimed_at, token FROM acceptance_claim WHERE record_id = ?")) {
            s.setString(1, recordId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Row(r.getString(1), CaseStore.instant(r, 2), r.getString(3))) : Optional.empty();
            }
        }
    }

    /** Compare-and-set on the dead claim's token: of several requests taking it over, one wins. */
    private boolean takeOver(String recordId, Row dead, String token) throws SQLException {
        return db.inTransaction(c -> {
            relaxed(c);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE acceptance_claim SET token = ?, claimed_at = ? WHERE record_id = ? AND token = ? AND state = ?")) {
                s.setString(1, token);
                CaseStore.time(s, 2, clock.instant());
                s.setString(3, recordId);
                s.setString(4, dead.token());
                s.setString(5, CLAIMED);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** The claims the writer has stored as cases: gone with the transaction that stored them. */
    static void forget(Connection c, List<String> recordIds) throws SQLException {
        for (int from = 0; from < recordIds.size(); from += 500) {
            List<String> chunk = recordIds.subList(from, Math.min(recordIds.size(), from + 500));
            try (PreparedStatement s = c.prepareStatement("DELETE FROM acceptance_claim WHERE record_id IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 1, chunk.get(i));
                }
                s.executeUpdate();
            }
        }
    }

    /**
     * Claims of requests that died before publishing and were never retried: no record, no case.
     * A published record's claim ends when the writer stores its case.
     */
    static int forgetAbandoned(Connection c, Instant claimedBefore) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM acceptance_claim WHERE state = ? AND claimed_at < ?")) {
            s.setString(1, CLAIMED);
            CaseStore.time(s, 2, claimedBefore);
            return s.executeUpdate();
        }
    }

    /**
     * The cases published but not yet stored by the log writer that hold this tracking code: status
     * RECEIVED, first accepted first; from memory for local claims, else from the store.
     */
    public List<CaseRow> pendingCases(Connection c, String trackingCode) throws SQLException {
        if (shared) {
            return publishedCase(c, trackingCode);
        }
        return publishedNotLogged.values().stream().filter(row -> row.trackingCode().equals(trackingCode))
                .sorted(java.util.Comparator.comparing(CaseRow::acceptedAt).thenComparing(CaseRow::recordId)).toList();
    }

    /**
     * The cases published but not yet stored by the log writer that hold this tracking code, as the
     * shared store's claims have them: status RECEIVED, first accepted first.
     */
    public static List<CaseRow> publishedCase(Connection c, String trackingCode) throws SQLException {
        List<CaseRow> rows = new java.util.ArrayList<>(1);
        try (PreparedStatement s = c.prepareStatement("SELECT record_id, tracking_code, record_type, kind, source_id, channel, "
                + "reporter_key, accepted_at FROM acceptance_claim WHERE tracking_code = ? AND state = ? ORDER BY accepted_at, record_id")) {
            s.setString(1, trackingCode);
            s.setString(2, PUBLISHED);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant at = CaseStore.instant(r, 8);
                    rows.add(new CaseRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), null,
                            r.getString(6), null, null, null, CaseStatus.RECEIVED, at, at, null, null, null, null, null, null, false,
                            r.getString(7), null, List.of(), List.of(), 0));
                }
            }
        }
        return rows;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "interrupted while waiting for an earlier request");
        }
    }

    private static final class AlreadyStored extends RuntimeException {
        AlreadyStored() {
            super(null, null, false, false);
        }
    }

    private enum Already implements IntakeLog.Claim {
        INSTANCE;

        @Override
        public boolean alreadyAccepted() {
            return true;
        }

        @Override
        public void published() {
        }

        @Override
        public void release() {
        }
    }

    private CaseRow pendingRow(IntakeLog.Accepting a) {
        return new CaseRow(a.recordId(), a.trackingCode(), a.recordType(), a.kind(), a.sourceId(), null, a.channel(), null, null, null,
                CaseStatus.RECEIVED, a.acceptedAt(), a.acceptedAt(), null, null, null, null, null, null, false, reporterKey(a.record()),
                null, List.of(), List.of(), 0);
    }

    /**
     * A claim in this process. Concurrent copies of one record id never get here together (the
     * in-process claim of intake lets one through at a time), so it only remembers a published record
     * until the writer has surely logged it; tracking reads the logged case first.
     */
    private final class Local implements IntakeLog.Claim {
        private final IntakeLog.Accepting accepting;

        Local(IntakeLog.Accepting accepting) {
            this.accepting = accepting;
        }

        @Override
        public boolean alreadyAccepted() {
            return false;
        }

        @Override
        public void published() {
            publishedNotLogged.put(accepting.recordId(), pendingRow(accepting));
            if (publishedCount.incrementAndGet() % 256 == 0) {
                Instant before = clock.instant().minus(REMEMBER_PUBLISHED);
                publishedNotLogged.values().removeIf(row -> row.acceptedAt().isBefore(before));
            }
        }

        @Override
        public void release() {
        }
    }

    /** This request's claim: what it says after publishing touches only its own row (by token). */
    private final class Held implements IntakeLog.Claim {
        private final String recordId;
        private final String token;

        Held(String recordId, String token) {
            this.recordId = recordId;
            this.token = token;
        }

        @Override
        public boolean alreadyAccepted() {
            return false;
        }

        @Override
        public void published() {
            update("UPDATE acceptance_claim SET state = '" + PUBLISHED + "' WHERE record_id = ? AND token = ?");
        }

        @Override
        public void release() {
            update("DELETE FROM acceptance_claim WHERE record_id = ? AND token = ?");
        }

        private void update(String sql) {
            try {
                db.inTransaction(c -> {
                    relaxed(c);
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        s.setString(1, recordId);
                        s.setString(2, token);
                        return s.executeUpdate();
                    }
                });
            } catch (SQLException | RuntimeException e) {
                // the record's fate is settled on the broker; a claim left CLAIMED is taken over once stale
                LOG.warn("acceptance claim of {} not updated: {}", recordId, e.toString());
            }
        }
    }
}
