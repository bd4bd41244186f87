package vn.lienthong.gateway.tracking;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.messagelog.Database;

/**
 * Operators' figures from the case store: cases by status, source, subscriber and province; time from
 * receipt to the first handling status per agency; online-service dossiers overdue per agency.
 */
public final class CaseFigures {

    /** How old a gauge's figure may be. */
    private static final Duration GAUGE_AGE = Duration.ofSeconds(15);
    /** The overdue count is a scan of the cases: one every this many times its duration at most (5 % of a core). */
    private static final int OVERDUE_SCAN_SHARE = 20;

    private final Database db;
    private final Clock clock;
    private final Executor background;
    private volatile StatusCounts statusCounts;
    private volatile Overdue overdue;
    private final AtomicBoolean countingOverdue = new AtomicBoolean();

    /** Cases by status as the case store keeps them, read at {@code at}. */
    private record StatusCounts(Instant at, Map<String, Long> byStatus) {
    }

    /** Overdue dossiers counted at {@code at}; the count took {@code took}. */
    private record Overdue(Instant at, double dossiers, Duration took) {
    }

    public CaseFigures(Database db, Clock clock) {
        this(db, clock, Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("case-figures").daemon(true).factory()));
    }

    /** @param background where the overdue count runs, off the scraping thread */
    CaseFigures(Database db, Clock clock, Executor background) {
        this.db = db;
        this.clock = clock;
        this.background = background;
    }

    /** Figures over the cases accepted since {@code since} (all when null). */
    public ObjectNode figures(Instant since) throws SQLException {
        Instant now = clock.instant();
        Instant from = since == null ? Instant.EPOCH : since;
        return db.read(c -> {
            ObjectNode json = IntakeService.json().createObjectNode();
            json.put("generatedAt", CaseRow.local(now).toString());
            if (since != null) {
                json.put("since", CaseRow.local(since).toString());
            }
            ObjectNode cases = json.putObject("cases");
            cases.put("total", counts(c, "SELECT 'all', COUNT(*) FROM tracked_case WHERE accepted_at >= ?", from).getOrDefault("all", 0L));
            put(cases.putObject("byStatus"), counts(c, "SELECT status, COUNT(*) FROM tracked_case WHERE accepted_at >= ? GROUP BY status", from));
            put(cases.putObject("bySource"), counts(c, "SELECT source_id, COUNT(*) FROM tracked_case WHERE accepted_at >= ? GROUP BY source_id", from));
            put(cases.putObject("byProvince"), counts(c,
                    "SELECT province_code, COUNT(*) FROM tracked_case WHERE accepted_at >= ? GROUP BY province_code", from));
            Map<String, long[]> subscribers = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT recipients, delivered FROM tracked_case WHERE accepted_at >= ?")) {
                CaseStore.time(s, 1, from);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        for (int column = 1; column <= 2; column++) {
                            String list = r.getString(column);
                            if (list != null && !list.isEmpty()) {
                                for (String id : list.split(",")) {
                                    subscribers.computeIfAbsent(id, k -> new long[2])[column - 1]++;
                                }
                            }
                        }
                    }
                }
            }
            ObjectNode bySubscriber = cases.putObject("bySubscriber");
            subscribers.forEach((id, n) -> bySubscriber.putObject(id).put("received", n[0]).put("delivered", n[1]));
            firstHandling(c, json.putArray("firstHandlingByAgency"), from);
            ArrayNode overdue = json.putArray("overdueServiceRecordsByAgency");
            overdueByAgency(c, now).forEach((agency, n) -> overdue.addObject().put("agencyCode", agency).put("overdue", n));
            return json;
        });
    }

    /** Per agency: cases that reached a first handling status, and how long that took (seconds). */
    private static void firstHandling(Connection c, ArrayNode out, Instant from) throws SQLException {
        Map<String, List<Long>> waits = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(first_handling_agency, agency_code), accepted_at, first_handling_at "
                + "FROM tracked_case WHERE first_handling_at IS NOT NULL AND accepted_at >= ?")) {
            CaseStore.time(s, 1, from);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String agency = r.getString(1) == null ? "unknown" : r.getString(1);
                    long seconds = Math.max(0, Duration.between(CaseStore.instant(r, 2), CaseStore.instant(r, 3)).toSeconds());
                    waits.computeIfAbsent(agency, k -> new ArrayList<>()).add(seconds);
                }
            }
        }
        waits.forEach((agency, list) -> {
            list.sort(null);
            long sum = list.stream().mapToLong(Long::longValue).sum();
            out.addObject().put("agencyCode", agency)
                    .put("cases", list.size())
                    .put("averageSeconds", sum / list.size())
                    .put("medianSeconds", list.get(list.size() / 2))
                    .put("p90Seconds", list.get(Math.min(list.size() - 1, (int) Math.ceil(0.9 * list.size()) - 1)))
                    .put("maxSeconds", list.get(list.size() - 1));
        });
    }

    /**
     * Dossiers overdue per agency: those the gateway marked overdue at intake, and those past their due
     * time without completion or a final status since.
     */
    private static Map<String, Long> overdueByAgency(Connection c, Instant now) throws SQLException {
        Map<String, Long> map = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT agency_code, COUNT(*) FROM tracked_case WHERE record_type = 'service-record' "
                + "AND (overdue OR (due_at < ? AND completed_at IS NULL AND status NOT IN ('RESOLVED', 'REJECTED'))) GROUP BY agency_code")) {
            CaseStore.time(s, 1, now);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    map.put(r.getString(1) == null ? "unknown" : r.getString(1), r.getLong(2));
                }
            }
        }
        return map;
    }

    private static Map<String, Long> counts(Connection c, String sql, Instant from) throws SQLException {
        Map<String, Long> map = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            CaseStore.time(s, 1, from);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    map.put(r.getString(1) == null ? "unknown" : r.getString(1), r.getLong(2));
                }
            }
        }
        return map;
    }

    private static void put(ObjectNode json, Map<String, Long> counts) {
        counts.forEach(json::put);
    }

    /**
     * Cases with this status now, for the Prometheus gauge: the counts the case store keeps on every
     * change (no count over the cases), read at most every 15 s.
     */
    public double countWithStatus(CaseStatus status) {
        StatusCounts counts = statusCounts;
        Instant now = clock.instant();
        if (counts == null || !counts.at().plus(GAUGE_AGE).isAfter(now)) {
            // a few rows: two scrapes reading them at once cost nothing worth a lock
            Map<String, Long> read;
            try {
                read = db.read(CaseStore::statusCounts);
            } catch (SQLException e) {
                read = counts == null ? Map.of() : counts.byStatus();
            }
            counts = new StatusCounts(now, read);
            statusCounts = counts;
        }
        return counts.byStatus().getOrDefault(status.name(), 0L);
    }

    /**
     * Overdue dossiers now, over all agencies, for the Prometheus gauge. Overdue depends on the time,
     * so it cannot be kept on write like the status counts: it is a count over the cases, taken in the
     * background (a scrape never waits for it) at most every 15 s and no sooner than 20 times the last
     * count's duration after it, so that a log of millions of cases costs at most 5 % of a core (and
     * the figure is minutes old). NaN until the first count is done.
     */
    public double overdueServiceRecords() {
        Overdue last = overdue;
        Instant now = clock.instant();
        boolean due = last == null || !last.at().plus(max(GAUGE_AGE, last.took().multipliedBy(OVERDUE_SCAN_SHARE))).isAfter(now);
        if (due && countingOverdue.compareAndSet(false, true)) {
            background.execute(() -> {
                try {
                    overdue = countOverdue(last);
                } finally {
                    countingOverdue.set(false);
                }
            });
        }
        return last == null ? Double.NaN : last.dossiers();
    }

    private Overdue countOverdue(Overdue last) {
        Instant now = clock.instant();
        long started = System.nanoTime();
        try {
            long dossiers = db.read(c -> overdueByAgency(c, now).values().stream().mapToLong(Long::longValue).sum());
            return new Overdue(now, dossiers, Duration.ofNanos(System.nanoTime() - started));
        } catch (SQLException e) {
            return new Overdue(now, last == null ? Double.NaN : last.dossiers(), Duration.ZERO);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
