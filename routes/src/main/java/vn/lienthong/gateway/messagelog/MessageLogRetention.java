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
        int total = 0;
        int n;
        do {
            n = purgeSome(CHUNK);
            total += Math.max(0, n);
        } while (n >= 0);
        Instant abandonedBefore = clock.instant().minus(Duration.ofDays(1));
        int abandoned = db.inTransaction(c -> AcceptanceClaims.forgetAbandoned(c, abandonedBefore));
        if (abandoned > 0) {
            LOG.info("{} acceptance claim(s) taken before {} and never published removed", abandoned, abandonedBefore);
        }
        db.syncToDisk();
        logHead();
        return total;
    }

    private static final int CHUNK = 10_000;

    /**
     * Empties the payloads of at most {@code chunk} entries logged before the cutoff, in chain order,
     * and logs it. @return payloads emptied, or -1 when no entry was left to purge
     */
    private int purgeSome(int chunk) throws SQLException {
        Instant now = clock.instant();
        Instant cutoff = now.minus(retention);
        return db.inTransaction(c -> {
            LogChain.Appender chain = LogChain.open(c, now);
            long from;
            try (PreparedStatement s = c.prepareStatement("SELECT purged_through_seq FROM log_retention WHERE id = 1 FOR UPDATE");
                    ResultSet r = s.executeQuery()) {
                r.next();
                from = r.getLong(1);
            }
            long through = lastLoggedBefore(c, from, Math.min(chain.headSeq(), from + chunk), cutoff);
            int phones = CaseStore.forgetPhones(c, cutoff);
            if (through <= from && phones == 0) {
                return -1;
            }
            int purged = PayloadStore.purge(c, from, through, now);
            try (PreparedStatement s = c.prepareStatement("UPDATE log_retention SET purged_through_seq = ? WHERE id = 1")) {
                s.setLong(1, through);
                s.executeUpdate();
            }
            chain.add(new LogChain.NewEntry(EventKeys.of(LogEvent.PAYLOADS_PURGED, now, UUID.randomUUID().toString()), LogEvent.PAYLOADS_PURGED, null, null, null, now,
                    IntakeService.json().createObjectNode().put("cutoff", cutoff.toEpochMilli()).put("throughSeq", through)
                            .put("payloads", purged).put("reporterNumbers", phones).toString(), null, null));
            chain.flush();
            if (purged > 0) {
                LOG.info("message log retention: payloads of entries {} to {} ({} payload(s), logged before {}) purged", from + 1,
                        through, purged, cutoff);
            }
            return through <= from ? -1 : purged;
        });
    }

    /** The last entry in (from, upTo] logged before the cutoff: entries are appended in time order, so a binary search. */
    private static long lastLoggedBefore(java.sql.Connection c, long from, long upTo, Instant cutoff) throws SQLException {
        long lo = from;
        long hi = upTo;
        try (PreparedStatement s = c.prepareStatement("SELECT logged_at FROM log_entry WHERE seq = ?")) {
            while (lo < hi) {
                long mid = lo + (hi - lo + 1) / 2;
                s.setLong(1, mid);
                long loggedAt;
                try (ResultSet r = s.executeQuery()) {
                    loggedAt = r.next() ? r.getLong(1) : Long.MAX_VALUE;
                }
                if (loggedAt < cutoff.toEpochMilli()) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
        }
        return lo;
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
