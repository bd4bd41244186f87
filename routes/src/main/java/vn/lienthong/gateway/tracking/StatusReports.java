package vn.lienthong.gateway.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.error.Violation;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.record.TrackingCodes;

/**
 * Reads and checks a subscriber's status report, the same for every door:
 * <pre>{"trackingCode":"TC…","status":"IN_PROGRESS","note":"…",
 *  "handlingAgency":{"code":"000.00.00.H39","name":"…"},"reportedAt":"2026-03-21T08:00:00+07:00"}</pre>
 */
public final class StatusReports {

    /** The statuses a subscriber may report; RECEIVED and FORWARDED are the gateway's own. */
    public static final Set<CaseStatus> HANDLING = EnumSet.of(CaseStatus.ACCEPTED_FOR_HANDLING, CaseStatus.IN_PROGRESS,
            CaseStatus.TRANSFERRED, CaseStatus.RESOLVED, CaseStatus.REJECTED);
    static final int MAX_NOTE = 2_000;
    private static final String AGENCY_CODE = "[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}";

    private StatusReports() {
    }

    /**
     * @param trackingCode the code from the URL, or null to take it from the body
     * @param now          the time of a report that does not say when it was made
     */
    public static StatusUpdate parse(byte[] json, String trackingCode, Instant now) {
        JsonNode node;
        try {
            node = IntakeService.json().readTree(json);
        } catch (IOException e) {
            throw new GatewayException(ErrorCode.INVALID_STATUS_UPDATE, "the status report is not well-formed JSON");
        }
        if (node == null || !node.isObject()) {
            throw new GatewayException(ErrorCode.INVALID_STATUS_UPDATE, "the status report must be a JSON object");
        }
        List<Violation> violations = new ArrayList<>();
        String code = trackingCode != null ? trackingCode : text(node, "trackingCode");
        if (trackingCode != null && node.hasNonNull("trackingCode") && !trackingCode.equals(text(node, "trackingCode"))) {
            violations.add(new Violation("/trackingCode", "differs from the tracking code in the URL", "status.mismatch"));
        }
        CaseStatus status = null;
        String statusText = text(node, "status");
        try {
            status = statusText == null ? null : CaseStatus.valueOf(statusText);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (status == null || !HANDLING.contains(status)) {
            violations.add(new Violation("/status", "must be one of " + HANDLING, "status.enum"));
        }
        JsonNode agency = node.path("handlingAgency");
        String agencyCode = text(agency, "code");
        String agencyName = text(agency, "name");
        if (agencyCode != null && !agencyCode.matches(AGENCY_CODE)) {
            violations.add(new Violation("/handlingAgency/code", "must be an agency electronic identifier code like 000.00.00.H39",
                    "status.pattern"));
        }
        if (agencyName != null && agencyName.length() > 300) {
            violations.add(new Violation("/handlingAgency/name", "must have at most 300 characters", "status.maxLength"));
        }
        if (status == CaseStatus.TRANSFERRED && agencyCode == null && agencyName == null) {
            violations.add(new Violation("/handlingAgency", "TRANSFERRED must name the agency the case went to", "status.required"));
        }
        String note = text(node, "note");
        if (note != null && note.length() > MAX_NOTE) {
            violations.add(new Violation("/note", "must have at most " + MAX_NOTE + " characters", "status.maxLength"));
        }
        OffsetDateTime reportedAt = null;
        String at = text(node, "reportedAt");
        if (at != null) {
            try {
                reportedAt = OffsetDateTime.parse(at);
                if (reportedAt.toInstant().isAfter(now.plusSeconds(300))) {
                    violations.add(new Violation("/reportedAt", "lies in the future", "status.format"));
                }
            } catch (DateTimeParseException e) {
                violations.add(new Violation("/reportedAt", "must be an ISO-8601 time with offset", "status.format"));
            }
        }
        if (code == null) {
            violations.add(new Violation("/trackingCode", "is required", "status.required"));
        }
        if (!violations.isEmpty()) {
            throw new GatewayException(ErrorCode.INVALID_STATUS_UPDATE, violations.size() + " problem(s) in the status report", violations);
        }
        return new StatusUpdate(code, status, note, agencyCode, agencyName,
                reportedAt != null ? reportedAt : CaseRow.local(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
    }

    /** The report as stored in the log (a payload, purged with the others): it may hold personal data in the note. */
    static byte[] toJson(StatusUpdate u, String subscriberId, String door) {
        ObjectNode json = IntakeService.json().createObjectNode()
                .put("trackingCode", u.trackingCode())
                .put("status", u.status().name())
                .put("subscriberId", subscriberId)
                .put("door", door)
                .put("reportedAt", u.reportedAt() == null ? null : u.reportedAt().toString());
        if (u.note() != null) {
            json.put("note", u.note());
        }
        if (u.handlingAgencyCode() != null || u.handlingAgencyName() != null) {
            json.putObject("handlingAgency").put("code", u.handlingAgencyCode()).put("name", u.handlingAgencyName());
        }
        return json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.textValue().isBlank() ? v.textValue().strip() : null;
    }

    /** Same checks for a report built by a door that does not speak JSON (the SOAP callback). */
    static void check(StatusUpdate u, Instant now) {
        ObjectNode json = IntakeService.json().createObjectNode()
                .put("trackingCode", u.trackingCode())
                .put("status", u.status() == null ? null : u.status().name())
                .put("note", u.note())
                .put("reportedAt", u.reportedAt() == null ? null : u.reportedAt().toString());
        json.putObject("handlingAgency").put("code", u.handlingAgencyCode()).put("name", u.handlingAgencyName());
        parse(json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), null, now);
    }

    /** The tracking code cleaned as a citizen or subscriber may type it, or empty. */
    static java.util.Optional<String> code(String typed) {
        return TrackingCodes.parse(typed);
    }
}
