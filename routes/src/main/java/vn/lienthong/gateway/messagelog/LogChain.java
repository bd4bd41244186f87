package vn.lienthong.gateway.messagelog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Appends entries to the chained log inside the caller's transaction. {@link #open} locks the head
 * row, so appends from the log writer, the status doors and other gateway instances are serialized
 * and the chain has no gaps and no forks.
 */
public final class LogChain {

    static final String COLUMNS = "seq, event_key, event, record_id, tracking_code, subscriber_id, record_prev_seq, occurred_at, "
            + "logged_at, details, payload_sha256, record_sha256, prev_hash, hash";

    private LogChain() {
    }

    /** An entry to append; the chain gives it its position and hash. */
    public record NewEntry(String eventKey, LogEvent event, String recordId, String trackingCode, String subscriberId,
            Instant occurredAt, String details, String payloadSha256, String recordSha256) {
    }

    /** Locks the head and returns an appender positioned after it. */
    public static Appender open(Connection c, Instant loggedAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM log_head WHERE id = 1 FOR UPDATE");
                ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new SQLException("log_head has no row: the message-log schema is damaged");
            }
            return new Appender(c, r.getLong(1), r.getString(2), loggedAt);
        }
    }

    /** Of these event keys, those already in the log. */
    public static Set<String> existingKeys(Connection c, Collection<String> keys) throws SQLException {
        return Database.selectIn(c, "SELECT event_key FROM log_entry WHERE event_key IN (%s)", keys);
    }

    /** Builds the entries of one transaction; {@link #flush} writes them and moves the head. */
    public static final class Appender {
        private final Connection connection;
        private final Instant loggedAt;
        private final List<LogEntry> pending = new ArrayList<>();
        private final java.util.Map<String, Long> lastOfRecord = new java.util.HashMap<>();
        private long seq;
        private String hash;

        private Appender(Connection connection, long seq, String hash, Instant loggedAt) {
            this.connection = connection;
            this.seq = seq;
            this.hash = hash;
            this.loggedAt = loggedAt;
        }

        /** The last entry's sequence number (including entries added and not yet flushed). */
        public long headSeq() {
            return seq;
        }

        /** The record's latest entry so far (from its case row), which its next entry points back to. */
        public void follow(String recordId, long lastSeq) {
            lastOfRecord.putIfAbsent(recordId, lastSeq);
        }

        /** Each record given an entry here, with its latest entry (to store in its case row). */
        public java.util.Map<String, Long> lastOfRecord() {
            return java.util.Collections.unmodifiableMap(lastOfRecord);
        }

        /** Adds an entry; returns it with its sequence number and hash. */
        public LogEntry add(NewEntry e) {
            Long previous = e.recordId() == null ? null : lastOfRecord.get(e.recordId());
            LogEntry entry = new LogEntry(seq + 1, e.eventKey(), e.event(), e.recordId(), e.trackingCode(), e.subscriberId(), previous,
                    Instant.ofEpochMilli(e.occurredAt().toEpochMilli()), Instant.ofEpochMilli(loggedAt.toEpochMilli()),
                    e.details(), e.payloadSha256(), e.recordSha256(), hash, null).sealed();
            pending.add(entry);
            seq = entry.seq();
            hash = entry.hash();
            if (e.recordId() != null) {
                lastOfRecord.put(e.recordId(), seq);
            }
            return entry;
        }

        public List<LogEntry> flush() throws SQLException {
            if (pending.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO log_entry (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (LogEntry e : pending) {
                    s.setLong(1, e.seq());
                    s.setString(2, e.eventKey());
                    s.setString(3, e.event().name());
                    setNullable(s, 4, e.recordId());
                    setNullable(s, 5, e.trackingCode());
                    setNullable(s, 6, e.subscriberId());
                    if (e.recordPrevSeq() == null) {
                        s.setNull(7, Types.BIGINT);
                    } else {
                        s.setLong(7, e.recordPrevSeq());
                    }
                    s.setLong(8, e.occurredAt().toEpochMilli());
                    s.setLong(9, e.loggedAt().toEpochMilli());
                    setNullable(s, 10, e.details());
                    setNullable(s, 11, e.payloadSha256());
                    setNullable(s, 12, e.recordSha256());
                    s.setString(13, e.prevHash());
                    s.setString(14, e.hash());
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = connection.prepareStatement("UPDATE log_head SET seq = ?, hash = ? WHERE id = 1")) {
                s.setLong(1, seq);
                s.setString(2, hash);
                s.executeUpdate();
            }
            List<LogEntry> written = List.copyOf(pending);
            pending.clear();
            return written;
        }
    }

    static void setNullable(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }

    /** Reads an entry row (columns in {@link #COLUMNS} order). */
    static LogEntry read(ResultSet r) throws SQLException {
        String event = r.getString(3);
        LogEvent type;
        try {
            type = LogEvent.valueOf(event);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        long previousSeq = r.getLong(7);
        Long previous = r.wasNull() ? null : previousSeq;
        return new LogEntry(r.getLong(1), r.getString(2), type, r.getString(4), r.getString(5), r.getString(6),
                previous, Instant.ofEpochMilli(r.getLong(8)), Instant.ofEpochMilli(r.getLong(9)), r.getString(10),
                r.getString(11), r.getString(12), r.getString(13), r.getString(14));
    }
}
