package vn.lienthong.gateway.messagelog;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import vn.lienthong.gateway.tracking.CaseRow;
import vn.lienthong.gateway.tracking.CaseStore;

/** Reads for inspectors and operators: a record's entries, and what the gateway received for it. */
public final class MessageLogQueries {

    private final Database db;
    private final PayloadSeal seal;

    /** @param seal opens sealed payloads (protected reporters' raw inputs) */
    public MessageLogQueries(Database db, PayloadSeal seal) {
        this.db = db;
        this.seal = seal;
    }

    /** A record's entries, oldest first: from its case's latest entry back along {@code record_prev_seq}. */
    public List<LogEntry> entriesOf(String recordId) throws SQLException {
        return db.read(c -> {
            Optional<CaseRow> row = CaseStore.byRecordId(c, recordId, false);
            List<LogEntry> list = new ArrayList<>();
            Long seq = row.map(CaseRow::lastSeq).orElse(null);
            while (seq != null) {
                Optional<LogEntry> e = entry(c, seq);
                if (e.isEmpty() || !recordId.equals(e.get().recordId())) {
                    break;
                }
                list.add(e.get());
                seq = e.get().recordPrevSeq();
            }
            Collections.reverse(list);
            return list;
        });
    }

    private static Optional<LogEntry> entry(Connection c, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + LogChain.COLUMNS + " FROM log_entry WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(LogChain.read(r)) : Optional.empty();
            }
        }
    }

    /** Whether an entry's payload is stored sealed (encrypted under the log key). */
    public boolean isSealed(long seq, PayloadStore.Kind kind) throws SQLException {
        Optional<PayloadStore.Stored> p = db.read(c -> PayloadStore.read(c, seq, kind));
        return p.isPresent() && PayloadSeal.isSealed(p.get().gzip());
    }

    /** The uncompressed (and, if sealed, decrypted) payload of an entry, or empty when purged or absent. */
    public Optional<byte[]> content(long seq, PayloadStore.Kind kind) throws SQLException, IOException {
        Optional<PayloadStore.Stored> p = db.read(c -> PayloadStore.read(c, seq, kind));
        if (p.isEmpty() || p.get().gzip() == null) {
            return Optional.empty();
        }
        return Optional.of(seal.open(p.get().gzip()));
    }

    /** Walks the whole chain and its payloads (as {@code verify-log} does). */
    public ChainVerifier.Result verify() throws SQLException {
        return db.read(ChainVerifier::verify);
    }
}
