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
        boolean auto = c.getAutoCommit();
        // PostgreSQL streams a result set only inside a transaction
        c.setAutoCommit(false);
        try {
            return walk(c);
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }

    private static Result walk(Connection c) throws SQLException {
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

    private static final long NO_ENTRY = Long.MAX_VALUE - 1;

    /**
     * Every payload's content must still have its digest, every digest an entry names must have a
     * payload row, and a payload may be empty only if a logged purge covers the entry naming it.
     */
    private static Mismatch payloads(Connection c, long[] counts) throws SQLException {
        long first = Long.MAX_VALUE;
        String firstReason = null;
        long purgedThrough = purgedThroughSeq(c);
        try (PreparedStatement s = c.prepareStatement("SELECT sha256, kind, size, content, stored_at, purged_at FROM log_payload")) {
            s.setFetchSize(200);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    PayloadStore.Stored p = PayloadStore.stored(r);
                    if (p.gzip() == null) {
                        long[] named = firstEntryNaming(c, p.sha256());
                        if (p.purgedAt() == null || named[0] > purgedThrough) {
                            if (named[0] < first) {
                                first = named[0];
                                firstReason = "its payload " + p.sha256() + " is empty, but no logged purge covers it";
                            }
                        } else {
                            counts[1]++;
                        }
                        continue;
                    }
                    counts[0]++;
                    String actual;
                    try {
                        actual = EntryHash.sha256Hex(Gzip.decompress(p.gzip()));
                    } catch (IOException e) {
                        actual = "unreadable (" + e.getMessage() + ")";
                    }
                    if (!actual.equals(p.sha256())) {
                        long seq = firstEntryNaming(c, p.sha256())[0];
                        if (seq < first) {
                            first = seq;
                            firstReason = seq == NO_ENTRY ? "payload " + p.sha256() + " is named by no entry and has digest " + actual
                                    : "its payload " + p.sha256() + " now has digest " + actual;
                        }
                    }
                }
            }
        }
        for (String column : new String[] {"payload_sha256", "record_sha256"}) {
            try (PreparedStatement s = c.prepareStatement("SELECT MIN(e.seq) FROM log_entry e LEFT JOIN log_payload p ON p.sha256 = e."
                    + column + " WHERE e." + column + " IS NOT NULL AND p.sha256 IS NULL"); ResultSet r = s.executeQuery()) {
                if (r.next() && r.getObject(1) != null && r.getLong(1) < first) {
                    first = r.getLong(1);
                    firstReason = "the payload it names (" + column.replace("_sha256", "") + ") is missing";
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
        return new Mismatch(first >= NO_ENTRY ? 0 : first, event, recordId, firstReason);
    }

    /** Sequence number and logged time (ms) of the first entry naming a payload; {@link #NO_ENTRY} when none does. */
    private static long[] firstEntryNaming(Connection c, String sha256) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, logged_at FROM log_entry WHERE payload_sha256 = ? OR record_sha256 = ? "
                + "ORDER BY seq LIMIT 1")) {
            s.setString(1, sha256);
            s.setString(2, sha256);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new long[] {r.getLong(1), r.getLong(2)} : new long[] {NO_ENTRY, Long.MAX_VALUE};
            }
        }
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
