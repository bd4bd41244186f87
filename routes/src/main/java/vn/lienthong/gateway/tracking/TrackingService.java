package vn.lienthong.gateway.tracking;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.messagelog.AcceptanceClaims;
import vn.lienthong.gateway.messagelog.Database;
import vn.lienthong.gateway.messagelog.EntryHash;
import vn.lienthong.gateway.messagelog.EventKeys;
import vn.lienthong.gateway.messagelog.Gzip;
import vn.lienthong.gateway.messagelog.LogChain;
import vn.lienthong.gateway.messagelog.LogEntry;
import vn.lienthong.gateway.messagelog.LogEvent;
import vn.lienthong.gateway.messagelog.PayloadStore;

/**
 * Cases for every door: citizens' lookups ({@link CaseLookup}), subscribers' status reports
 * ({@link StatusUpdateSink}: broker, REST and the SOAP callback), portals' pull API. A status report is
 * checked (a handling status, from a subscriber whose queue received the case), written to the
 * message log with the report itself as a purgeable payload, applied to the case, queued for the
 * portal's webhook, all in one transaction; then the {@link CaseStatusListener}s are told.
 */
public final class TrackingService implements CaseLookup, StatusUpdateSink {

    /** What a subscriber sees after reporting, and a citizen when looking a case up. */
    public record CaseDetails(CaseRow row, List<CaseStore.StatusRow> history) {
    }

    private final Database db;
    private final ReporterKeys reporterKeys;
    private final PortalWebhooks webhooks;
    private final CaseListeners listeners;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AcceptanceClaims claims;

    public TrackingService(Database db, ReporterKeys reporterKeys, PortalWebhooks webhooks, CaseListeners listeners, Clock clock,
            MeterRegistry meters) {
        this(db, reporterKeys, webhooks, listeners, clock, meters, null);
    }

    /** @param claims the acceptance claims that know the cases published and not yet logged (null: the store's table) */
    public TrackingService(Database db, ReporterKeys reporterKeys, PortalWebhooks webhooks, CaseListeners listeners, Clock clock,
            MeterRegistry meters, AcceptanceClaims claims) {
        this.claims = claims;
        this.db = db;
        this.reporterKeys = reporterKeys;
        this.webhooks = webhooks;
        this.listeners = listeners;
        this.clock = clock;
        this.meters = meters;
    }

    private List<CaseRow> pendingCases(java.sql.Connection c, String code) throws SQLException {
        return claims == null ? AcceptanceClaims.publishedCase(c, code) : claims.pendingCases(c, code);
    }

    @Override
    public Optional<CaseView> byTrackingCode(String trackingCode) {
        return details(trackingCode).map(d -> d.row().view());
    }

    /** The case and its history; empty for unknown and for malformed codes alike. */
    public Optional<CaseDetails> details(String trackingCode) {
        Optional<String> code = StatusReports.code(trackingCode);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        try {
            return db.read(c -> {
                // a code two cases share shows the first: the citizen view has no way to tell them apart
                Optional<CaseRow> row = CaseStore.byTrackingCode(c, code.get(), false).stream().findFirst();
                if (row.isEmpty()) {
                    // answered in a 202 a moment ago, not yet stored by the log writer: RECEIVED
                    return pendingCases(c, code.get()).stream().findFirst()
                            .map(r -> new CaseDetails(r, List.of()));
                }
                return Optional.of(new CaseDetails(row.get(), CaseStore.history(c, row.get())));
            });
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<CaseView> reportedBy(String trackingCode, String e164Phone) {
        Optional<String> code = StatusReports.code(trackingCode);
        if (code.isEmpty() || e164Phone == null) {
            return Optional.empty();
        }
        try {
            return db.read(c -> {
                Optional<CaseView> stored = CaseStore.byTrackingCode(c, code.get(), false).stream()
                        .filter(row -> reporterKeys.matches(row.reporterKey(), e164Phone)).findFirst().map(CaseRow::view);
                if (stored.isPresent()) {
                    return stored;
                }
                return pendingCases(c, code.get()).stream()
                        .filter(row -> reporterKeys.matches(row.reporterKey(), e164Phone)).findFirst().map(CaseRow::view);
            });
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** For the SOAP callback door (issue 5), which builds the {@link StatusUpdate} from its XML. */
    @Override
    public CaseView apply(StatusUpdate update, String reportingSubscriberId) {
        StatusReports.check(update, clock.instant());
        return apply(update, reportingSubscriberId, "soap");
    }

    /**
     * @param door which door the report came through ({@code broker}, {@code rest}, {@code soap}), for
     *             the log and the metrics
     */
    public CaseView apply(StatusUpdate update, String subscriberId, String door) {
        Instant now = clock.instant();
        Optional<String> code = StatusReports.code(update.trackingCode());
        if (code.isEmpty()) {
            count(door, "unknown-case");
            throw new GatewayException(ErrorCode.UNKNOWN_CASE, "no case has tracking code " + update.trackingCode());
        }
        Applied applied;
        try {
            applied = db.inTransaction(c -> apply(c, code.get(), update, subscriberId, door, now));
        } catch (SQLException e) {
            count(door, "store-unavailable");
            throw unavailable(e);
        } catch (GatewayException e) {
            count(door, e.errorCode() == ErrorCode.NOT_A_RECIPIENT ? "refused" : "unknown-case");
            throw e;
        }
        try {
            db.syncToDisk();
        } catch (SQLException e) {
            throw unavailable(e);
        }
        count(door, applied.change() == null ? "unchanged" : "applied");
        if (applied.change() != null) {
            listeners.notifyAll(List.of(applied.change()));
        }
        return applied.view();
    }

    private record Applied(CaseView view, CaseChange change) {
    }

    private Applied apply(Connection c, String code, StatusUpdate u, String subscriberId, String door, Instant now) throws SQLException {
        // the chain's head first, then the case: the same lock order as the log writer
        LogChain.Appender chain = LogChain.open(c, now);
        List<CaseRow> holding = CaseStore.byTrackingCode(c, code, true);
        if (holding.isEmpty()) {
            throw new GatewayException(ErrorCode.UNKNOWN_CASE, "no case has tracking code " + code);
        }
        // of cases sharing the code, the one this subscriber received (the latest, should it have received more)
        CaseRow row = holding.reversed().stream().filter(r -> r.recipients().contains(subscriberId)).findFirst()
                .orElseThrow(() -> new GatewayException(ErrorCode.NOT_A_RECIPIENT, "subscriber " + subscriberId
                        + " did not receive case " + code + " and may not report on it"));
        Instant reportedAt = u.reportedAt().toInstant();
        if (reportedAt.isBefore(row.acceptedAt().minusSeconds(300))) {
            // a report dated 1970 (a zero timestamp) would sort before every real one; the same
            // five minutes of clock skew as for a report from the future
            throw new GatewayException(ErrorCode.INVALID_STATUS_UPDATE, "1 problem(s) in the status report",
                    List.of(new vn.lienthong.gateway.error.Violation("/reportedAt", "lies before the case was accepted ("
                            + CaseRow.local(row.acceptedAt()) + ")", "status.range")));
        }
        List<CaseStore.StatusRow> history = CaseStore.history(c, row);
        CaseStore.StatusRow last = history.get(history.size() - 1);
        if (last.status() == u.status() && subscriberId.equals(last.reportedBy()) && reportedAt.equals(last.reportedAt())
                && Objects.equals(u.handlingAgencyCode(), last.handlingAgencyCode())) {
            // the same report again (a redelivery, a retried call): nothing changes
            return new Applied(row.view(), null);
        }
        byte[] report = StatusReports.toJson(u, subscriberId, door);
        String reportSha = EntryHash.sha256Hex(report);
        chain.follow(row.recordId(), row.lastSeq());
        var details = IntakeService.json().createObjectNode()
                .put("status", u.status().name())
                .put("previousStatus", row.status().name())
                .put("door", door)
                .put("reportedAt", u.reportedAt().toString());
        if (u.handlingAgencyCode() != null) {
            details.put("handlingAgencyCode", u.handlingAgencyCode());
        }
        LogEntry entry = chain.add(new LogChain.NewEntry(EventKeys.of(LogEvent.STATUS_UPDATED, now, UUID.randomUUID().toString()), LogEvent.STATUS_UPDATED, row.recordId(),
                row.trackingCode(), subscriberId, reportedAt, details.toString(), reportSha, null));
        PayloadStore.store(c, List.of(new PayloadStore.Payload(entry.seq(), PayloadStore.Kind.STATUS, report.length, Gzip.compress(report))));
        // an older report arriving late goes into the history without overriding a newer status
        boolean current = row.statusReportedAt() == null || !reportedAt.isBefore(row.statusReportedAt());
        long cursor = CaseStore.recordStatus(c, row, u.status(), u.handlingAgencyCode(), u.handlingAgencyName(), subscriberId,
                reportedAt, now, entry.seq(), current);
        chain.flush();
        CaseStore.updateLastSeq(c, chain.lastOfRecord());
        if (!current) {
            return new Applied(row.view(), null);
        }
        CaseRow after = CaseStore.byRecordId(c, row.recordId(), false).orElseThrow();
        webhooks.enqueue(c, row.sourceId(), new CaseStore.PortalChange(cursor, row.trackingCode(), row.recordId(),
                row.sourceRecordId(), u.status(), row.status(), after.handlingAgencyCode(), after.handlingAgencyName(), now), now);
        return new Applied(after.view(), new CaseChange(after.view(), row.status(), after.notifyPhone()));
    }

    /** The case of a record id, whatever its source (callers check it is theirs). */
    public Optional<CaseRow> caseOf(String recordId) {
        try {
            return db.read(c -> CaseStore.byRecordId(c, recordId, false));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The cases holding a tracking code (codes are not unique across sources: callers filter by source). */
    public List<CaseRow> casesOf(String trackingCode) {
        Optional<String> code = StatusReports.code(trackingCode);
        if (code.isEmpty()) {
            return List.of();
        }
        try {
            return db.read(c -> CaseStore.byTrackingCode(c, code.get(), false));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** A source's cases, newest first ({@link CaseStore#ofSource}). */
    public List<CaseRow> casesOfSource(String sourceId, Instant from, Instant to, List<String> categoryCodes, List<CaseStatus> statuses,
            int limit) {
        try {
            return db.read(c -> CaseStore.ofSource(c, sourceId, from, to, categoryCodes, statuses, limit));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Status changes of the records a source sent, after a cursor. */
    public List<CaseStore.PortalChange> changesForSource(String sourceId, long after, int limit) {
        try {
            return db.read(c -> CaseStore.changesForSource(c, sourceId, after, limit));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private void count(String door, String outcome) {
        meters.counter("lienthong.status.updates", "door", door, "outcome", outcome).increment();
    }

    static GatewayException unavailable(SQLException e) {
        return new GatewayException(ErrorCode.STORE_UNAVAILABLE, "the case store cannot be reached; retry later", List.of(), e);
    }
}
