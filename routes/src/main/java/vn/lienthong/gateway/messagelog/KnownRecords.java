package vn.lienthong.gateway.messagelog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.gateway.tracking.CaseStore;

/**
 * Whether the log store already holds a record id, asked on the request path before publishing. A
 * Bloom filter of every logged id answers "never seen" (the common case: a new record) without
 * touching the database; only a possible hit costs a primary-key lookup. The filter is loaded from
 * the store at start-up (until then every question goes to the store), takes the ids this instance's
 * writer stores, and, when several gateways share an external broker, every {@code refreshEvery} the
 * ids accepted recently (by any instance).
 * <p>
 * An id still waiting in the log writer's queue, or stored by another instance since the last
 * refresh, is not known here yet: that window is covered by the broker's duplicate-id cache. When the
 * store does not answer, intake must not wait for it: the lookup says "unknown" and is skipped for a
 * few seconds.
 */
public final class KnownRecords implements Predicate<String>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KnownRecords.class);
    private static final long PAUSE_MILLIS = 10_000;
    /** How far back each refresh looks: other instances' writers may store records accepted a while ago. */
    private static final Duration OVERLAP = Duration.ofMinutes(2);

    private final Database db;
    private final Clock clock;
    private final Duration refreshEvery;
    private final RecordIdFilter filter = new RecordIdFilter(1 << 27);
    private volatile boolean loaded;
    private volatile long skipUntil;
    private ScheduledExecutorService refresher;
    private Instant lastRefresh;

    /** @param refreshEvery how often to read other instances' ids, or null for a single gateway */
    public KnownRecords(Database db, Clock clock, Duration refreshEvery) {
        this.db = db;
        this.clock = clock;
        this.refreshEvery = refreshEvery;
    }

    @Override
    public boolean test(String recordId) {
        if (loaded && !filter.mightContain(recordId)) {
            return false;
        }
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

    /** An id this instance's writer has just stored. */
    public void add(String recordId) {
        filter.add(recordId);
    }

    public boolean isLoaded() {
        return loaded;
    }

    /** Loads every stored id in the background, then refreshes with the recent ones. */
    public synchronized void start() {
        refresher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("message-log-known-ids").daemon(true).factory());
        refresher.execute(this::load);
        if (refreshEvery != null) {
            refresher.scheduleWithFixedDelay(this::refresh, refreshEvery.toMillis(), refreshEvery.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            // a failed first load is tried again
            refresher.scheduleWithFixedDelay(() -> {
                if (!loaded) {
                    load();
                }
            }, 30, 30, TimeUnit.SECONDS);
        }
    }

    private void load() {
        Instant started = clock.instant();
        try {
            long n = addAll(null);
            lastRefresh = started;
            loaded = true;
            LOG.info("known-id filter loaded with {} record id(s)", n);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("known-id filter not loaded (lookups go to the log store until it is): {}", e.toString());
        }
    }

    private void refresh() {
        if (!loaded) {
            load();
            return;
        }
        Instant started = clock.instant();
        try {
            addAll(lastRefresh.minus(OVERLAP));
            lastRefresh = started;
        } catch (SQLException | RuntimeException e) {
            LOG.debug("known-id refresh failed: {}", e.toString());
        }
    }

    private long addAll(Instant since) throws SQLException {
        return db.read(c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(since == null ? "SELECT record_id FROM tracked_case"
                    : "SELECT record_id FROM tracked_case WHERE accepted_at >= ?")) {
                if (since != null) {
                    CaseStore.time(s, 1, since);
                }
                s.setFetchSize(10_000);
                long n = 0;
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        filter.add(r.getString(1));
                        n++;
                    }
                }
                return n;
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        });
    }

    @Override
    public synchronized void close() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }
}
