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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.messagelog.Database;

/**
 * Operators' figures from the case store: cases by status, source, subscriber and province; time from
 * receipt to the first handling status per agency; online-service dossiers overdue per agency.
 */
public final class CaseFigures {

    private final Database db;
    private final Clock clock;
    private volatile Snapshot cached;
    private final ReentrantLock refreshing = new ReentrantLock();

    /** Counts by status, refreshed at most every 15 s for the metrics. */
    private record Snapshot(Instant at, Map<String, Long> byStatus, long overdue) {
    }

    public CaseFigures(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
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

    /** Cases with this status now (for the Prometheus gauge; cached for 15 s). */
    public double countWithStatus(CaseStatus status) {
        return snapshot().byStatus().getOrDefault(status.name(), 0L);
    }

    /** Overdue dossiers now, over all agencies (for the Prometheus gauge). */
    public double overdueServiceRecords() {
        return snapshot().overdue();
    }

    private Snapshot snapshot() {
        Snapshot s = cached;
        Instant now = clock.instant();
        if (s != null && s.at().plusSeconds(15).isAfter(now)) {
            return s;
        }
        // one scrape counts; scrapes meanwhile get the previous figures instead of counting again
        if (s != null && !refreshing.tryLock()) {
            return s;
        }
        if (s == null) {
            refreshing.lock();
        }
        try {
            if (cached != s) {
                return cached;
            }
            return refresh(now);
        } finally {
            refreshing.unlock();
        }
    }

    private Snapshot refresh(Instant now) {
        Snapshot s;
        try {
            s = db.read(c -> new Snapshot(now, counts(c, "SELECT status, COUNT(*) FROM tracked_case WHERE accepted_at >= ? GROUP BY status",
                    Instant.EPOCH), overdueByAgency(c, now).values().stream().mapToLong(Long::longValue).sum()));
        } catch (SQLException e) {
            s = new Snapshot(now, new HashMap<>(), 0);
        }
        cached = s;
        return s;
    }
}
