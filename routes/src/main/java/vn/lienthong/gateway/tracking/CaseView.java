package vn.lienthong.gateway.tracking;

import java.time.OffsetDateTime;

/**
 * The citizen-safe view of a case: status, dates and handling agency; never personal data or the
 * content of the submission. Used by the tracking API, SMS TRACUU and citizen notifications.
 *
 * @param trackingCode       the code the citizen holds
 * @param recordId           the gateway id
 * @param recordType         {@code complaint} or {@code service-record}
 * @param kind               COMPLAINT, DENUNCIATION, FEEDBACK, PETITION, SERVICE_RECORD
 * @param sourceId           the source that sent it
 * @param channel            the channel it came by (SMS, PORTAL_REST, ...)
 * @param status             the latest status
 * @param acceptedAt         when the gateway accepted it
 * @param updatedAt          when the status last changed
 * @param handlingAgencyCode agency handling it, when reported
 * @param handlingAgencyName its name
 */
public record CaseView(
        String trackingCode,
        String recordId,
        String recordType,
        String kind,
        String sourceId,
        String channel,
        CaseStatus status,
        OffsetDateTime acceptedAt,
        OffsetDateTime updatedAt,
        String handlingAgencyCode,
        String handlingAgencyName) {
}
