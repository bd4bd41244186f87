package vn.lienthong.gateway.messagelog;

import java.sql.SQLException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.gateway.tracking.CaseStore;

/**
 * Whether the log store already holds a record id: one primary-key lookup on the request path. When
 * the store does not answer, intake must not wait for it: the lookup says "unknown" (the broker's
 * duplicate-id cache still catches recent resubmissions) and is skipped for the next few seconds.
 */
public final class KnownRecords implements Predicate<String> {

    private static final Logger LOG = LoggerFactory.getLogger(KnownRecords.class);
    private static final long PAUSE_MILLIS = 10_000;

    private final Database db;
    private volatile long skipUntil;

    public KnownRecords(Database db) {
        this.db = db;
    }

    @Override
    public boolean test(String recordId) {
        if (System.currentTimeMillis() < skipUntil) {
            return false;
        }
        try {
            return db.read(c -> CaseStore.exists(c, recordId));
        } catch (SQLException | RuntimeException e) {
            skipUntil = System.currentTimeMillis() + PAUSE_MILLIS;
            LOG.warn("log store did not answer the known-id lookup; relying on the broker's duplicate detection for {} s: {}",
                    PAUSE_MILLIS / 1000, e.toString());
            return false;
        }
    }
}
