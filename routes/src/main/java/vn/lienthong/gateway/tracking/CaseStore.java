package vn.lienthong.gateway.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The case tables ({@code tracked_case}, {@code case_status}), always inside
 * the caller's transaction. Plain SQL that runs on PostgreSQL and H2.
 */
public final class CaseStore {

    static final String CASE_COLUMNS = "record_id, tracking_code, record_type, kind, source_id, source_record_id, channel, "
            + "province_code, agency_code, category_code, status, accepted_at, updated_at, status_reported_at, first_handling_at, "
            + "handling_agency_code, handling_agency_name, due_at, completed_at, overdue, reporter_key, notify_phone, recipients, delivered, "
            + "last_seq";

    private CaseStore() {
    }


    /** One status a case went through. */
    public record StatusRow(long id, String recordId, CaseStatus status, CaseStatus previous, String handlingAgencyCode,
            String handlingAgencyName, String reportedBy, Instant reportedAt, Instant recordedAt) {
    }

    /** A status change of a case with what a portal is told about it. */
    public record PortalChange(long cursor, String trackingCode, String recordId, String sourceRecordId, CaseStatus status,
            CaseStatus previous, String handlingAgencyCode, String handlingAgencyName, Instant changedAt) {
    }

    public static void insert(Connection c, List<CaseRow> cases) throws SQLException {
        if (cases.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO tracked_case (" + CASE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CaseRow r : cases) {
                int i = 1;
                s.setString(i++, r.recordId());
                s.setString(i++, r.trackingCode());
                s.setString(i++, r.recordType());
                text(s, i++, r.kind());
                s.setString(i++, r.sourceId());
                text(s, i++, r.sourceRecordId());
                text(s, i++, r.channel());
                text(s, i++, r.provinceCode());
                text(s, i++, r.agencyCode());
                text(s, i++, r.categoryCode());
                s.setString(i++, r.status().name());
                time(s, i++, r.acceptedAt());
                time(s, i++, r.updatedAt());
                time(s, i++, r.statusReportedAt());
                time(s, i++, r.firstHandlingAt());
                text(s, i++, r.handlingAgencyCode());
                text(s, i++, r.handlingAgencyName());
                time(s, i++, r.dueAt());
                time(s, i++, r.completedAt());
                s.setBoolean(i++, r.overdue());
                text(s, i++, r.reporterKey());
                text(s, i++, r.notifyPhone());
                s.setString(i++, String.join(",", r.recipients()));
                s.setString(i++, String.join(",", r.delivered()));
                s.setLong(i, r.lastSeq());
                s.addBatch();
            }
            s.executeBatch();
        }
        // RECEIVED is not a case_status row: it is the case's accepted_at (one row fewer per record)
        Map<CaseStatus, Long> added = new EnumMap<>(CaseStatus.class);
        cases.forEach(r -> added.merge(r.status(), 1L, Long::sum));
        for (Map.Entry<CaseStatus, Long> e : added.entrySet()) {
            count(c, e.getKey(), e.getValue());
        }
    }

    /**
     * Moves the kept count of cases with a status (V3 case_status_count). Callers hold the log head's
     * lock (LogChain.open), which serializes every change of a case, so read-then-write is safe here.
     */
    static void count(Connection c, CaseStatus status, long delta) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE case_status_count SET cases = cases + ? WHERE status = ?")) {
            s.setLong(1, delta);
            s.setString(2, status.name());
            if (s.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO case_status_count (status, cases) VALUES (?, ?)")) {
            s.setString(1, status.name());
            s.setLong(2, delta);
            s.executeUpdate();
        }
    }

    /** Cases by current status, as kept on every change (no count over the cases). */
    public static Map<String, Long> statusCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT status, cases FROM case_status_count"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        }
        return counts;
    }

    /** Of these record ids, those with a case. */
    public static java.util.Set<String> existing(Connection c, List<String> recordIds) throws SQLException {
        return vn.lienthong.gateway.messagelog.Database.selectIn(c, "SELECT record_id FROM tracked_case WHERE record_id IN (%s)", recordIds);
    }

    public static boolean exists(Connection c, String recordId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM tracked_case WHERE record_id = ?")) {
            s.setString(1, recordId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /**
     * The cases holding a tracking code, first accepted first. Codes are not unique (40 bits per kind,
     * see TrackingCodes): callers choose among several by the reporter's number or the recipient.
     */
    public static List<CaseRow> byTrackingCode(Connection c, String trackingCode, boolean forUpdate) throws SQLException {
        return rows(c, "SELECT " + CASE_COLUMNS + " FROM tracked_case WHERE tracking_code = ? ORDER BY accepted_at, record_id"
                + (forUpdate ? " FOR UPDATE" : ""), trackingCode);
    }

    public static Optional<CaseRow> byRecordId(Connection c, String recordId, boolean forUpdate) throws SQLException {
        // the record id is the key: one row at most
        return rows(c, "SELECT " + CASE_COLUMNS + " FROM tracked_case WHERE record_id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                recordId).stream().findFirst();
    }

    /**
     * A source's cases accepted in {@code [from, to)}, newest first, at most {@code limit}; optionally
     * only some categories and statuses (empty: all). For the Open311 door's request list.
     */
    public static List<CaseRow> ofSource(Connection c, String sourceId, Instant from, Instant to, List<String> categoryCodes,
            List<CaseStatus> statuses, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + CASE_COLUMNS + " FROM tracked_case WHERE source_id = ? AND accepted_at >= ?"
                + " AND accepted_at < ?");
        if (!categoryCodes.isEmpty()) {
            sql.append(" AND category_code IN (").append(String.join(",", java.util.Collections.nCopies(categoryCodes.size(), "?"))).append(")");
        }
        if (!statuses.isEmpty()) {
            sql.append(" AND status IN (").append(String.join(",", java.util.Collections.nCopies(statuses.size(), "?"))).append(")");
        }
        sql.append(" ORDER BY accepted_at DESC, record_id LIMIT ").append(Math.max(1, limit));
        List<CaseRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            s.setString(i++, sourceId);
            time(s, i++, from);
            time(s, i++, to);
            for (String code : categoryCodes) {
                s.setString(i++, code);
            }
            for (CaseStatus status : statuses) {
                s.setString(i++, status.name());
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(row(r));
                }
            }
        }
        return rows;
    }

    private static List<CaseRow> rows(Connection c, String sql, String key) throws SQLException {
        List<CaseRow> rows = new ArrayList<>(1);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(row(r));
                }
            }
        }
        return rows;
    }

    private static CaseRow row(ResultSet r) throws SQLException {
        return new CaseRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                r.getString(7), r.getString(8), r.getString(9), r.getString(10), CaseStatus.valueOf(r.getString(11)),
                instant(r, 12), instant(r, 13), instant(r, 14), instant(r, 15), r.getString(16), r.getString(17),
                instant(r, 18), instant(r, 19), r.getBoolean(20), r.getString(21), r.getString(22), list(r.getString(23)),
                list(r.getString(24)), r.getLong(25));
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isEmpty() ? List.of() : List.of(commaSeparated.split(","));
    }

    /** Notes that a subscriber took the case; @return true the first time */
    public static boolean markDelivered(Connection c, CaseRow row, String subscriberId) throws SQLException {
        if (row.delivered().contains(subscriberId)) {
            return false;
        }
        List<String> delivered = new ArrayList<>(row.delivered());
        delivered.add(subscriberId);
        try (PreparedStatement s = c.prepareStatement("UPDATE tracked_case SET delivered = ? WHERE record_id = ?")) {
            s.setString(1, String.join(",", delivered));
            s.setString(2, row.recordId());
            s.executeUpdate();
        }
        return true;
    }

    /** Points each case at its latest log entry. */
    public static void updateLastSeq(Connection c, java.util.Map<String, Long> lastSeqByRecord) throws SQLException {
        if (lastSeqByRecord.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE tracked_case SET last_seq = ? WHERE record_id = ? AND last_seq < ?")) {
            for (java.util.Map.Entry<String, Long> e : lastSeqByRecord.entrySet()) {
                s.setLong(1, e.getValue());
                s.setString(2, e.getKey());
                s.setLong(3, e.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Records a status the case went through and, when {@code current}, makes it the case's status.
     *
     * @return the id of the {@code case_status} row (the portals' cursor)
     */
    public static long recordStatus(Connection c, CaseRow before, CaseStatus status, String agencyCode, String agencyName,
            String reportedBy, Instant reportedAt, Instant now, long logSeq, boolean current) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO case_status (record_id, source_id, status, previous_status, "
                + "handling_agency_code, handling_agency_name, reported_by, reported_at, recorded_at, log_seq) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            s.setString(1, before.recordId());
            s.setString(2, before.sourceId());
            s.setString(3, status.name());
            s.setString(4, before.status().name());
            text(s, 5, agencyCode);
            text(s, 6, agencyName);
            text(s, 7, reportedBy);
            time(s, 8, reportedAt);
            time(s, 9, now);
            s.setLong(10, logSeq);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        if (current) {
            boolean handling = status != CaseStatus.RECEIVED && status != CaseStatus.FORWARDED;
            try (PreparedStatement s = c.prepareStatement("UPDATE tracked_case SET status = ?, updated_at = ?, "
                    + "status_reported_at = ?, handling_agency_code = ?, handling_agency_name = ?, "
                    + "first_handling_at = CASE WHEN first_handling_at IS NULL AND ? THEN ? ELSE first_handling_at END, "
                    + "first_handling_agency = CASE WHEN first_handling_agency IS NULL AND ? THEN ? ELSE first_handling_agency END "
                    + "WHERE record_id = ?")) {
                s.setString(1, status.name());
                time(s, 2, now);
                time(s, 3, reportedAt);
                text(s, 4, agencyCode == null ? before.handlingAgencyCode() : agencyCode);
                text(s, 5, agencyCode == null && agencyName == null ? before.handlingAgencyName() : agencyName);
                s.setBoolean(6, handling);
                time(s, 7, reportedAt);
                s.setBoolean(8, handling);
                text(s, 9, agencyCode == null ? before.handlingAgencyCode() : agencyCode);
                s.setString(10, before.recordId());
                s.executeUpdate();
            }
            if (status != before.status()) {
                count(c, before.status(), -1);
                count(c, status, 1);
            }
        }
        return id;
    }

    /** Every status of the case, RECEIVED first. */
    public static List<StatusRow> history(Connection c, CaseRow row) throws SQLException {
        List<StatusRow> list = new ArrayList<>();
        list.add(new StatusRow(0, row.recordId(), CaseStatus.RECEIVED, null, null, null, null, row.acceptedAt(), row.acceptedAt()));
        list.addAll(changes(c, row.recordId()));
        return list;
    }

    private static List<StatusRow> changes(Connection c, String recordId) throws SQLException {
        List<StatusRow> list = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, record_id, status, previous_status, handling_agency_code, "
                + "handling_agency_name, reported_by, reported_at, recorded_at FROM case_status WHERE record_id = ? ORDER BY id")) {
            s.setString(1, recordId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String previous = r.getString(4);
                    list.add(new StatusRow(r.getLong(1), r.getString(2), CaseStatus.valueOf(r.getString(3)),
                            previous == null ? null : CaseStatus.valueOf(previous), r.getString(5), r.getString(6),
                            r.getString(7), instant(r, 8), instant(r, 9)));
                }
            }
        }
        return list;
    }

    /** Status changes of a source's records after a cursor, oldest first (the portals' pull API). */
    public static List<PortalChange> changesForSource(Connection c, String sourceId, long after, int limit) throws SQLException {
        List<PortalChange> list = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT s.id, t.tracking_code, t.record_id, t.source_record_id, s.status, "
                + "s.previous_status, s.handling_agency_code, s.handling_agency_name, s.recorded_at "
                + "FROM case_status s JOIN tracked_case t ON t.record_id = s.record_id "
                + "WHERE s.source_id = ? AND s.id > ? ORDER BY s.id LIMIT ?")) {
            s.setString(1, sourceId);
            s.setLong(2, after);
            s.setInt(3, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String previous = r.getString(6);
                    list.add(new PortalChange(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            CaseStatus.valueOf(r.getString(5)), previous == null ? null : CaseStatus.valueOf(previous),
                            r.getString(7), r.getString(8), instant(r, 9)));
                }
            }
        }
        return list;
    }

    /** Forgets SMS reporters' numbers of cases accepted before the cutoff (retention). */
    public static int forgetPhones(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE tracked_case SET notify_phone = NULL WHERE notify_phone IS NOT NULL AND accepted_at < ?")) {
            time(s, 1, cutoff);
            return s.executeUpdate();
        }
    }

    public static void text(PreparedStatement s, int i, String value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.VARCHAR);
        } else {
            s.setString(i, value);
        }
    }

    public static void time(PreparedStatement s, int i, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            // milliseconds: what every database here stores exactly, so a value read back compares equal
            s.setObject(i, OffsetDateTime.ofInstant(value.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), ZoneOffset.UTC));
        }
    }

    public static Instant instant(ResultSet r, int i) throws SQLException {
        OffsetDateTime t = r.getObject(i, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
