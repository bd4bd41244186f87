package vn.lienthong.gateway.messagelog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;

/**
 * Payloads of log entries, gzip-compressed, by entry and kind: the raw input and the canonical record
 * of a RECEIVED entry, the report of a STATUS_UPDATED entry. The entry holds the SHA-256 of the
 * uncompressed bytes (of the sealed bytes for a protected reporter's raw input, stored encrypted:
 * {@link PayloadSeal}); retention empties {@code content} and the digest stays in the chain. Keyed by
 * entry number, so storing and purging write in order.
 */
public final class PayloadStore {

    /** What a payload is. */
    public enum Kind {
        /** The input as received (a RECEIVED entry's {@code payload_sha256}). */
        RAW,
        /** The canonical record (a RECEIVED entry's {@code record_sha256}). */
        RECORD,
        /** A status report as received (a STATUS_UPDATED entry's {@code payload_sha256}). */
        STATUS
    }

    /** A payload to store with entry {@code seq}. */
    public record Payload(long seq, Kind kind, long size, byte[] gzip) {
    }

    /** A stored payload; {@code gzip} is null once purged. */
    public record Stored(long seq, String kind, long size, byte[] gzip, Instant purgedAt) {
    }

    static final String COLUMNS = "seq, kind, size, content, purged_at";

    private PayloadStore() {
    }

    public static void store(Connection c, Collection<Payload> payloads) throws SQLException {
        if (payloads.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO log_payload (seq, kind, size, content) VALUES (?, ?, ?, ?)")) {
            for (Payload p : payloads) {
                s.setLong(1, p.seq());
                s.setString(2, p.kind().name());
                s.setLong(3, p.size());
                s.setBytes(4, p.gzip());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    public static Optional<Stored> read(Connection c, long seq, Kind kind) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM log_payload WHERE seq = ? AND kind = ?")) {
            s.setLong(1, seq);
            s.setString(2, kind.name());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(stored(r)) : Optional.empty();
            }
        }
    }

    static Stored stored(ResultSet r) throws SQLException {
        OffsetDateTime purged = r.getObject(5, OffsetDateTime.class);
        return new Stored(r.getLong(1), r.getString(2), r.getLong(3), r.getBytes(4), purged == null ? null : purged.toInstant());
    }

    /**
     * Empties the payloads of entries {@code fromSeq} (exclusive) to {@code throughSeq}.
     *
     * @return how many were emptied
     */
    public static int purge(Connection c, long fromSeq, long throughSeq, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE log_payload SET content = NULL, purged_at = ? WHERE seq > ? AND seq <= ? AND content IS NOT NULL")) {
            s.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            s.setLong(2, fromSeq);
            s.setLong(3, throughSeq);
            return s.executeUpdate();
        }
    }
}
