package vn.lienthong.gateway.messagelog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.tracking.CaseStore;

/**
 * Retention: empties payloads (raw inputs, canonical records, status reports) and forgets SMS
 * reporters' numbers older than {@code lienthong.message-log.payload-retention}, and logs the purge as
 * a chain entry with its cutoff. Entries and digests stay, so the chain still verifies. Each run also
 * writes the chain head to the application log: a copy kept elsewhere shows later whether the log was
 * cut short.
 */
public final class MessageLogRetention {

    private static final Logger LOG = LoggerFactory.getLogger(MessageLogRetention.class);

    private final Database db;
    private final Duration retention;
    private final Clock clock;

    public MessageLogRetention(Database db, Duration retention, Clock clock) {
        this.db = db;
        this.retention = retention;
        this.clock = clock;
    }

    /** @return payloads purged */
    public int purgeOnce() throws SQLException {
        Instant now = clock.instant();
        Instant cutoff = now.minus(retention);
        int purged = db.inTransaction(c -> {
            LogChain.Appender chain = LogChain.open(c, now);
            int total = 0;
            int n;
            do {
                n = PayloadStore.purge(c, cutoff, now, 1_000);
                total += n;
            } while (n > 0);
            int phones = CaseStore.forgetPhones(c, cutoff);
            if (total > 0 || phones > 0) {
                chain.add(new LogChain.NewEntry("purge:" + UUID.randomUUID(), LogEvent.PAYLOADS_PURGED, null, null, null, now,
                        IntakeService.json().createObjectNode().put("cutoff", cutoff.toEpochMilli()).put("payloads", total)
                                .put("reporterNumbers", phones).toString(), null, null));
                chain.flush();
            }
            return total;
        });
        db.syncToDisk();
        if (purged > 0) {
            LOG.info("message log retention: {} payload(s) older than {} purged", purged, cutoff);
        }
        logHead();
        return purged;
    }

    private void logHead() throws SQLException {
        db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM log_head WHERE id = 1"); ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    LOG.info("message log head: entry {} hash {}", r.getLong(1), r.getString(2));
                }
            }
            return null;
        });
    }
}
