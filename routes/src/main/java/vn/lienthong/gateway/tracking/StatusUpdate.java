package vn.lienthong.gateway.tracking;

import java.time.OffsetDateTime;

/**
 * A case status reported back by a subscriber (by a message on {@code lienthong.status}, the
 * InspectorateCase SOAP callback, or REST).
 *
 * @param trackingCode       the case
 * @param status             one of the handling statuses (ACCEPTED_FOR_HANDLING … REJECTED)
 * @param note               the agency's note (may contain personal data: never shown to citizens)
 * @param handlingAgencyCode the agency now handling the case (for TRANSFERRED: the new one)
 * @param handlingAgencyName its name
 * @param reportedAt         when the subscriber reported it
 */
public record StatusUpdate(
        String trackingCode,
        CaseStatus status,
        String note,
        String handlingAgencyCode,
        String handlingAgencyName,
        OffsetDateTime reportedAt) {
}
