package vn.lienthong.gateway.tracking;

import java.time.Instant;
import java.time.OffsetDateTime;
import vn.lienthong.gateway.normalize.SourceNormalization;

/**
 * A case as stored in {@code tracked_case}. {@code reporterKey} and {@code notifyPhone} never leave
 * the gateway: the first is a keyed hash for {@link CaseLookup#reportedBy}, the second the E.164
 * number of an SMS reporter, for {@link CaseStatusListener}s only. {@code recipients} are the
 * subscribers whose queue received the case, {@code delivered} those that took it, {@code lastSeq}
 * the case's latest message-log entry.
 */
public record CaseRow(
        String recordId,
        String trackingCode,
        String recordType,
        String kind,
        String sourceId,
        String sourceRecordId,
        String channel,
        String provinceCode,
        String agencyCode,
        String categoryCode,
        CaseStatus status,
        Instant acceptedAt,
        Instant updatedAt,
        Instant statusReportedAt,
        Instant firstHandlingAt,
        String handlingAgencyCode,
        String handlingAgencyName,
        Instant dueAt,
        Instant completedAt,
        boolean overdue,
        String reporterKey,
        String notifyPhone,
        java.util.List<String> recipients,
        java.util.List<String> delivered,
        long lastSeq) {

    public CaseRow {
        recipients = java.util.List.copyOf(recipients);
        delivered = java.util.List.copyOf(delivered);
    }

    /** The citizen-safe view. */
    public CaseView view() {
        return new CaseView(trackingCode, recordId, recordType, kind, sourceId, channel, status, local(acceptedAt),
                local(updatedAt), handlingAgencyCode, handlingAgencyName);
    }

    /** Times are shown in Vietnam's offset, as in the records. */
    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, SourceNormalization.VIETNAM);
    }
}
