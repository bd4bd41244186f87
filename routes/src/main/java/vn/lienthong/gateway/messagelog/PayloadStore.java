package vn.lienthong.gateway.messagelog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Payloads of the log by the SHA-256 of their uncompressed bytes: raw inputs, canonical records and
 * status reports, gzip-compressed. Retention empties {@code content} and keeps the digest, which is
 * what the chain's hashes cover.
 */
public final class PayloadStore {

    /** What a payload is. */
    public enum Kind { RAW, RECORD, STATUS }

    /** A payload to store: {@code gzip} compresses the bytes whose digest is {@code sha256}. */
    public record Payload(String sha256, Kind kind, long size, byte[] gzip) {
    }

    /** A stored payload; {@code gzip} is null once purged. */
    public record Stored(String sha256, Kind kind, long size, byte[] gzip, Instant storedAt, Instant purgedAt) {
    }

    private PayloadStore() {
    }

    /** Stores the payloads not stored yet (a batch's raw input arrives with each of its records). */
    public static void storeIfAbsent(Connection c, Collection<Payload> payloads, Instant now) throws SQLException {
        Map<String, Payload> distinct = new LinkedHashMap<>();
        payloads.forEach(p -> distinct.putIfAbsent(p.sha256(), p));
        if (distinct.isEmpty()) {
            return;
        }
        Set<String> existing = existing(c, distinct.keySet());
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO log_payload (sha256, kind, size, content, stored_at) VALUES (?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Payload p : distinct.values()) {
                if (existing.contains(p.sha256())) {
                    continue;
                }
                s.setString(1, p.sha256());
                s.setString(2, p.kind().name());
                s.setLong(3, p.size());
                s.setBytes(4, p.gzip());
                s.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                s.addBatch();
                n++;
            }
            if (n > 0) {
                s.executeBatch();
            }
        }
    }

    private static Set<String> existing(Connection c, Collection<String> digests) throws SQLException {
        Set<String> found = new java.util.HashSet<>();
        List<String> all = new ArrayList<>(digests);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement s = c.prepareStatement("SELECT sha256 FROM log_payload WHERE sha256 IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 1, chunk.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getString(1));
                    }
                }
            }
        }
        return found;
    }

    public static Optional<Stored> read(Connection c, String sha256) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT sha256, kind, size, content, stored_at, purged_at FROM log_payload WHERE sha256 = ?")) {
            s.setString(1, sha256);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(stored(r)) : Optional.empty();
            }
        }
    }

    static Stored stored(ResultSet r) throws SQLException {
        OffsetDateTime purged = r.getObject(6, OffsetDateTime.class);
        Kind kind;
        try {
            kind = Kind.valueOf(r.getString(2));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        return new Stored(r.getString(1), kind, r.getLong(3), r.getBytes(4),
                r.getObject(5, OffsetDateTime.class).toInstant(), purged == null ? null : purged.toInstant());
    }

    /**
     * Empties the payloads the entries {@code fromSeq} (exclusive) to {@code throughSeq} name.
     *
     * @return how many were emptied
     */
    public static int purge(Connection c, long fromSeq, long throughSeq, Instant now) throws SQLException {
        java.util.Set<String> digests = new java.util.LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT payload_sha256, record_sha256 FROM log_entry WHERE seq > ? AND seq <= ?")) {
            s.setLong(1, fromSeq);
            s.setLong(2, throughSeq);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    for (int i = 1; i <= 2; i++) {
                        if (r.getString(i) != null) {
                            digests.add(r.getString(i));
                        }
                    }
                }
            }
        }
        int purged = 0;
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE log_payload SET content = NULL, purged_at = ? WHERE sha256 = ? AND content IS NOT NULL")) {
            for (String sha : digests) {
                s.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                s.setString(2, sha);
                purged += s.executeUpdate();
            }
        }
        return purged;
    }
}
