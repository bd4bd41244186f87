package vn.lienthong.gateway.messagelog;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Walks the message log and names the first entry that does not match: an entry whose hash is not
 * the hash of its fields, whose {@code prev_hash} is not its predecessor's hash, that follows a gap,
 * or whose payload (raw input, canonical record, status report) is missing or no longer has the
 * digest the entry holds. Purged payloads are skipped: their digests are still in the hashed entries.
 */
public final class ChainVerifier {

    /** The first mismatch. */
    public record Mismatch(long seq, String event, String recordId, String reason) {
        @Override
        public String toString() {
            return "entry " + seq + (event == null ? "" : " (" + event + (recordId == null ? "" : ", record " + recordId) + ")")
                    + ": " + reason;
        }
    }

    /**
     * @param entries         entries walked
     * @param headSeq         the last entry's sequence number
     * @param headHash        the last entry's hash (worth writing down elsewhere: a later verification
     *                        that still finds it proves nothing before it changed)
     * @param payloadsChecked payloads whose digest was recomputed
     * @param payloadsPurged  payloads emptied by retention
     * @param mismatch        the first entry that does not match, if any
     */
    public record Result(long entries, long headSeq, String headHash, long payloadsChecked, long payloadsPurged,
            Optional<Mismatch> mismatch) {
        public boolean intact() {
            return mismatch.isEmpty();
        }
    }

    private ChainVerifier() {
    }

    public static Result verify(Connection c) throws SQLException {
        return verify(c, entries -> { });
    }

    /** Entries walked between two progress reports. */
    static final int PROGRESS_EVERY = 1_000;

    /**
     * Walks the log as {@link #verify(Connection)}, telling {@code progress} how many entries it has
     * checked every {@value #PROGRESS_EVERY} entries and once at the end of the walk (a large log takes
     * minutes, and an operator should see it move).
     */
    public static Result verify(Connection c, java.util.function.LongConsumer progress) throws SQLException {
        boolean auto = c.getAutoCommit();
        // PostgreSQL streams a result set only inside a transaction
        c.setAutoCommit(false);
        try {
            return walk(c, progress);
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }

    private static Result walk(Connection c, java.util.function.LongConsumer progress) throws SQLException {
        long entries = 0;
        long expectedSeq = 1;
        String prevHash = LogEntry.GENESIS;
        Mismatch mismatch = null;
        try (PreparedStatement s = c.prepareStatement("SELECT " + LogChain.COLUMNS + " FROM log_entry ORDER BY seq")) {
            s.setFetchSize(1_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    LogEntry e = LogChain.read(r);
                    entries++;
                    if (entries % PROGRESS_EVERY == 0) {
                        progress.accept(entries);
                    }
                    String event = r.getString(3);
                    if (e.seq() != expectedSeq) {
                        mismatch = new Mismatch(e.seq(), event, e.recordId(),
                                "expected entry " + expectedSeq + " here: entries are missing or renumbered");
                        break;
                    }
                    if (!prevHash.equals(e.prevHash())) {
                        mismatch = new Mismatch(e.seq(), event, e.recordId(),
                                "prev_hash " + e.prevHash() + " is not the hash of entry " + (e.seq() - 1) + " (" + prevHash + ")");
                        break;
                    }
                    String recomputed = EntryHash.of(e);
                    if (!recomputed.equals(e.hash())) {
                        mismatch = new Mismatch(e.seq(), event, e.recordId(),
                                "stored hash " + e.hash() + " differs from the hash of its content " + recomputed);
                        break;
                    }
                    prevHash = e.hash();
                    expectedSeq++;
                }
            }
        }
        progress.accept(entries);
        long lastSeq = expectedSeq - 1;
        if (mismatch == null) {
            mismatch = head(c, lastSeq, prevHash).orElse(null);
        }
        long[] counts = new long[2];
        Mismatch payload = payloads(c, counts);
        if (payload != null && (mismatch == null || payload.seq() < mismatch.seq())) {
            mismatch = payload;
        }
        return new Result(entries, lastSeq, prevHash, counts[0], counts[1], Optional.ofNullable(mismatch));
    }

    /** The head row must point at the last entry: otherwise the tail was cut off or the head rewritten. */
    private static Optional<Mismatch> head(Connection c, long lastSeq, String lastHash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM log_head WHERE id = 1"); ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return Optional.of(new Mismatch(lastSeq + 1, null, null, "the head row is missing"));
            }
            if (r.getLong(1) != lastSeq || !lastHash.equals(r.getString(2))) {
                return Optional.of(new Mismatch(Math.min(lastSeq + 1, r.getLong(1) + 1), null, null,
                        "the head names entry " + r.getLong(1) + " (" + r.getString(2) + ") but the last entry is " + lastSeq
                                + " (" + lastHash + "): entries after it were removed, or the head was altered"));
            }
        }
        return Optional.empty();
    }

    /**
     * Every payload's content must still have the digest its entry holds, every digest an entry
     * holds must have its payload, and a payload may be empty only if a logged purge covers its entry.
     */
    private static Mismatch payloads(Connection c, long[] counts) throws SQLException {
        long purgedThrough = purgedThroughSeq(c);
        long first = Long.MAX_VALUE;
        String firstReason = null;
        try (PreparedStatement s = c.prepareStatement("SELECT " + PayloadStore.COLUMNS + " FROM log_payload ORDER BY seq, kind");
                PreparedStatement entry = c.prepareStatement("SELECT event, payload_sha256, record_sha256 FROM log_entry WHERE seq = ?")) {
            s.setFetchSize(200);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    PayloadStore.Stored p = PayloadStore.stored(r);
                    if (p.seq() >= first) {
                        continue;
                    }
                    String expected = null;
                    entry.setLong(1, p.seq());
                    try (ResultSet e = entry.executeQuery()) {
                        if (e.next()) {
                            expected = "RECORD".equals(p.kind()) ? e.getString(3)
                                    : "STATUS".equals(p.kind()) == "STATUS_UPDATED".equals(e.getString(1)) ? e.getString(2) : null;
                        }
                    }
                    String reason = null;
                    if (expected == null) {
                        reason = "a " + p.kind() + " payload is stored for it, but it names none";
                    } else if (p.gzip() == null) {
                        if (p.purgedAt() == null || p.seq() > purgedThrough) {
                            reason = "its " + p.kind() + " payload is empty, but no logged purge covers it";
                        } else {
                            counts[1]++;
                        }
                    } else {
                        counts[0]++;
                        String actual;
                        try {
                            // a sealed payload's digest is of its sealed bytes: checked without the key
                            actual = PayloadSeal.isSealed(p.gzip()) ? EntryHash.sha256Hex(p.gzip())
                                    : EntryHash.sha256Hex(Gzip.decompress(p.gzip()));
                        } catch (IOException ex) {
                            actual = "unreadable (" + ex.getMessage() + ")";
                        }
                        if (!actual.equals(expected)) {
                            reason = "its " + p.kind() + " payload now has digest " + actual + ", the entry holds " + expected;
                        }
                    }
                    if (reason != null) {
                        first = p.seq();
                        firstReason = reason;
                    }
                }
            }
        }
        String[][] required = {
            {"payload_sha256", "CASE WHEN e.event = 'STATUS_UPDATED' THEN 'STATUS' ELSE 'RAW' END", "raw input or status report"},
            {"record_sha256", "'RECORD'", "canonical record"}};
        for (String[] check : required) {
            try (PreparedStatement s = c.prepareStatement("SELECT MIN(e.seq) FROM log_entry e LEFT JOIN log_payload p ON p.seq = e.seq "
                    + "AND p.kind = " + check[1] + " WHERE e." + check[0] + " IS NOT NULL AND p.seq IS NULL"); ResultSet r = s.executeQuery()) {
                if (r.next() && r.getObject(1) != null && r.getLong(1) < first) {
                    first = r.getLong(1);
                    firstReason = "the payload it names (" + check[2] + ") is missing";
                }
            }
        }
        if (firstReason == null) {
            return null;
        }
        String event = null;
        String recordId = null;
        try (PreparedStatement s = c.prepareStatement("SELECT event, record_id FROM log_entry WHERE seq = ?")) {
            s.setLong(1, first);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    event = r.getString(1);
                    recordId = r.getString(2);
                }
            }
        }
        return new Mismatch(first, event, recordId, firstReason);
    }

    /** How far logged purges went: payloads named by entries up to this one may be empty. */
    private static long purgedThroughSeq(Connection c) throws SQLException {
        long through = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT details FROM log_entry WHERE event = 'PAYLOADS_PURGED'");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                try {
                    through = Math.max(through, vn.lienthong.gateway.intake.IntakeService.json().readTree(r.getString(1))
                            .path("throughSeq").asLong(0));
                } catch (IOException | RuntimeException e) {
                    // an altered entry: the chain walk reports it
                }
            }
        }
        return through;
    }
}
