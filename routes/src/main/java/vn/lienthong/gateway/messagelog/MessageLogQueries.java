package vn.lienthong.gateway.messagelog;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads for inspectors and operators: a record's entries, and what the gateway received for it. */
public final class MessageLogQueries {

    private final Database db;

    public MessageLogQueries(Database db) {
        this.db = db;
    }

    public List<LogEntry> entriesOf(String recordId) throws SQLException {
        return db.read(c -> {
            List<LogEntry> list = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + LogChain.COLUMNS + " FROM log_entry WHERE record_id = ? ORDER BY seq")) {
                s.setString(1, recordId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        list.add(LogChain.read(r));
                    }
                }
            }
            return list;
        });
    }

    /** A payload as stored (null content once purged); empty when the log has no such payload. */
    public Optional<PayloadStore.Stored> payload(String sha256) throws SQLException {
        return db.read(c -> PayloadStore.read(c, sha256));
    }

    /** The uncompressed bytes of a stored payload, or empty when purged or absent. */
    public Optional<byte[]> content(String sha256) throws SQLException, IOException {
        Optional<PayloadStore.Stored> p = payload(sha256);
        if (p.isEmpty() || p.get().gzip() == null) {
            return Optional.empty();
        }
        return Optional.of(Gzip.decompress(p.get().gzip()));
    }

    /** Walks the whole chain and its payloads (as {@code verify-log} does). */
    public ChainVerifier.Result verify() throws SQLException {
        return db.read(ChainVerifier::verify);
    }

    /** Number of entries in the chain (its head). */
    public long headSeq() throws SQLException {
        return db.read(MessageLogQueries::head);
    }

    private static long head(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq FROM log_head WHERE id = 1"); ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }
}
