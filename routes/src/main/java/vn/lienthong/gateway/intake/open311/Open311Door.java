package vn.lienthong.gateway.intake.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.intake.IntakeResult;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.intake.Submission;
import vn.lienthong.gateway.intake.open311.Open311Catalogue.Jurisdiction;
import vn.lienthong.gateway.intake.open311.Open311Output.Format;
import vn.lienthong.gateway.intake.open311.Open311SourceDefinition.Attribute;
import vn.lienthong.gateway.intake.open311.Open311SourceDefinition.Service;
import vn.lienthong.gateway.messagelog.LogEntry;
import vn.lienthong.gateway.messagelog.LogEvent;
import vn.lienthong.gateway.messagelog.MessageLogQueries;
import vn.lienthong.gateway.messagelog.PayloadStore;
import vn.lienthong.gateway.normalize.RecordType;
import vn.lienthong.gateway.record.RecordIds;
import vn.lienthong.gateway.security.SourceCallers;
import vn.lienthong.gateway.tracking.CaseRow;
import vn.lienthong.gateway.tracking.CaseStatus;
import vn.lienthong.gateway.tracking.CitizenView;
import vn.lienthong.gateway.tracking.TrackingService;

/**
 * The GeoReport v2 resources. Requests are filed through {@link IntakeService} like every other
 * channel's records and followed through the case store of the status loop; the service request id
 * is the case's tracking code. What a request shows is the citizen-safe view: status, the status's
 * public wording, dates, agency, the place and the media URL; never the reporter, the description
 * or a subscriber's note.
 */
public final class Open311Door {

    public static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** The spec's longest span of {@code start_date}..{@code end_date}. */
    static final Duration MAX_SPAN = Duration.ofDays(90);
    static final int MAX_REQUESTS = 200;
    /** Kinds whose requests are shown by id only, with status and dates but no place or media. */
    static final List<String> PROTECTED_KINDS = List.of("DENUNCIATION");
    private static final java.time.format.DateTimeFormatter W3C = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final Logger LOG = LoggerFactory.getLogger(Open311Door.class);

    /** An HTTP answer. */
    public record Answer(int status, Format format, byte[] body) {
    }

    private final Open311Catalogue catalogue;
    private final IntakeService intake;
    private final SourceCallers callers;
    private final TrackingService tracking;
    private final Optional<MessageLogQueries> log;
    private final Clock clock;
    private final String contact;
    private final String changeset;

    public Open311Door(Open311Catalogue catalogue, IntakeService intake, SourceCallers callers, TrackingService tracking,
            Optional<MessageLogQueries> log, Clock clock, String contact) {
        this.catalogue = catalogue;
        this.intake = intake;
        this.callers = callers;
        this.tracking = tracking;
        this.log = log;
        this.clock = clock;
        this.contact = contact;
        // the service lists are read at start-up: they can change only with a restart
        this.changeset = iso(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@code GET discovery}: where the endpoint is and what it speaks. */
    public Answer discovery(Format format, String baseUrl) {
        ObjectNode d = json().createObjectNode();
        d.put("changeset", changeset);
        d.put("contact", contact);
        d.put("key_service", "API keys are issued by the gateway's operators, one per client application.");
        ObjectNode endpoint = d.putArray("endpoints").addObject();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", baseUrl);
        endpoint.put("changeset", changeset);
        endpoint.put("type", "production");
        endpoint.putArray("formats").add("text/xml").add("application/json");
        return ok(format, d, "discovery", null);
    }

    /** {@code GET services}: the jurisdiction's service list. */
    public Answer services(Format format, Open311Form query) {
        Jurisdiction j = catalogue.resolve(query.get("jurisdiction_id"));
        ArrayNode list = json().createArrayNode();
        for (Service s : j.settings().services()) {
            ObjectNode o = list.addObject();
            o.put("service_code", s.code());
            o.put("service_name", s.name());
            o.put("description", s.description());
            o.put("metadata", s.metadata());
            o.put("type", s.type());
            o.put("keywords", String.join(",", s.keywords()));
            o.put("group", s.group());
        }
        return ok(format, list, "services", "service");
    }

    /** {@code GET services/{code}}: the service definition (its attributes). */
    public Answer definition(Format format, String serviceCode, Open311Form query) {
        Jurisdiction j = catalogue.resolve(query.get("jurisdiction_id"));
        Service s = j.service(serviceCode).orElseThrow(() ->
                new Open311Error(404, "service_code " + serviceCode + " was not found in jurisdiction " + j.id()));
        ObjectNode d = json().createObjectNode();
        d.put("service_code", s.code());
        ArrayNode attributes = d.putArray("attributes");
        for (Attribute a : s.attributes()) {
            ObjectNode o = attributes.addObject();
            o.put("variable", a.variable());
            o.put("code", a.code());
            o.put("datatype", a.datatype());
            o.put("required", a.required());
            o.put("datatype_description", a.datatypeDescription());
            o.put("order", a.order() == null ? s.attributes().indexOf(a) + 1 : a.order());
            o.put("description", a.description());
            if (a.isList()) {
                ArrayNode values = o.putArray("values");
                a.values().forEach(v -> values.addObject().put("key", v.key()).put("name", v.name()));
            }
        }
        return ok(format, d, "service_definition", null);
    }

    /**
     * {@code POST requests}: files the request. The caller is the jurisdiction's source, by its
     * {@code api_key} or a bearer token; anything else is 403 as the spec says.
     */
    public Answer file(Format format, Open311Form form, String authorization) {
        String apiKey = form.get("api_key");
        Jurisdiction j = catalogue.resolve(form.get("jurisdiction_id"));
        String caller;
        try {
            caller = callers.authenticate(apiKey, authorization);
        } catch (GatewayException e) {
            if (e.errorCode() == ErrorCode.AUTH_UNAVAILABLE) {
                throw e;
            }
            throw new Open311Error(403, apiKey == null && authorization == null ? "api_key was not provided"
                    : "api_key (or token) is not valid: " + e.getMessage());
        }
        if (!caller.equals(j.sourceId())) {
            throw new Open311Error(403, "these credentials may not file requests in jurisdiction " + j.id());
        }
        Service service = Open311Requests.service(j, form);
        Instant now = clock.instant();
        Duration window = j.settings().dedupWindowDuration();
        String key = Open311Requests.contentKey(j, service, form);
        // a retry that crosses into the next time bucket finds the request filed in the previous one
        String recordId = Open311Requests.recordId(key, now, window, 0);
        String previous = Open311Requests.recordId(key, now, window, 1);
        if (tracking.caseOf(RecordIds.of(j.sourceId(), previous).toString()).isPresent()) {
            recordId = previous;
        }
        byte[] canonical = Open311Requests.canonical(j, service, form, recordId, now);
        IntakeResult result = intake.submit(new Submission(j.sourceId(), RecordType.COMPLAINT, Submission.Format.CANONICAL, canonical,
                "UTF-8"));
        LOG.debug("Open311 request in {} filed as {} ({})", j.id(), result.trackingCode(), result.status());
        ArrayNode answer = json().createArrayNode();
        ObjectNode o = answer.addObject();
        if (service.deferred()) {
            o.put("token", result.id());
        } else {
            o.put("service_request_id", result.trackingCode());
        }
        o.put("service_notice", j.settings().serviceNotice());
        o.putNull("account_id");
        return ok(format, answer, "service_requests", "request");
    }

    /** {@code GET tokens/{token}}: the service request id of a deferred request, once it has one. */
    public Answer token(Format format, String token, Open311Form query) {
        Jurisdiction j = catalogue.resolve(query.get("jurisdiction_id"));
        Optional<CaseRow> row = token.matches("[0-9a-f-]{36}") ? tracking.caseOf(token) : Optional.empty();
        if (row.isEmpty() || !row.get().sourceId().equals(j.sourceId())) {
            throw new Open311Error(404, "token " + token + " was not found");
        }
        ArrayNode answer = json().createArrayNode();
        answer.addObject().put("service_request_id", row.get().trackingCode()).put("token", token);
        return ok(format, answer, "service_requests", "request");
    }

    /** {@code GET requests/{id}}. */
    public Answer request(Format format, String serviceRequestId, Open311Form query) {
        Jurisdiction j = catalogue.resolve(query.get("jurisdiction_id"));
        List<CaseRow> rows = ofJurisdiction(j, tracking.casesOf(serviceRequestId));
        if (rows.isEmpty()) {
            throw new Open311Error(404, "service_request_id " + serviceRequestId + " was not found");
        }
        ArrayNode answer = json().createArrayNode();
        rows.forEach(r -> answer.add(view(j, r)));
        return ok(format, answer, "service_requests", "request");
    }

    /** {@code GET requests}: by ids, or filtered by service, dates (at most 90 days) and status. */
    public Answer requests(Format format, Open311Form query) {
        Jurisdiction j = catalogue.resolve(query.get("jurisdiction_id"));
        List<CaseRow> rows = new ArrayList<>();
        String ids = query.get("service_request_id");
        if (ids != null) {
            // the spec: with ids, the other parameters may be ignored
            for (String id : ids.split(",")) {
                if (!id.isBlank()) {
                    rows.addAll(ofJurisdiction(j, tracking.casesOf(id.strip())));
                }
            }
        } else {
            List<String> problems = new ArrayList<>();
            List<String> categories = new ArrayList<>();
            String codes = query.get("service_code");
            if (codes != null) {
                for (String code : codes.split(",")) {
                    Optional<Service> s = j.service(code.strip());
                    if (s.isEmpty()) {
                        problems.add("service_code " + code.strip() + " was not found in jurisdiction " + j.id());
                    } else {
                        categories.add(s.get().category());
                    }
                }
            }
            List<CaseStatus> statuses = new ArrayList<>();
            String status = query.get("status");
            if (status != null) {
                for (String s : status.split(",")) {
                    switch (s.strip().toLowerCase(Locale.ROOT)) {
                        case "open" -> statuses.addAll(Open311Status.OPEN);
                        case "closed" -> statuses.addAll(Open311Status.CLOSED);
                        default -> problems.add("status must be open or closed, not " + s.strip());
                    }
                }
            }
            Instant start = time(query.get("start_date"), "start_date", problems);
            Instant end = time(query.get("end_date"), "end_date", problems);
            if (!problems.isEmpty()) {
                throw new Open311Error(400, problems);
            }
            if (end == null) {
                end = start == null ? clock.instant() : start.plus(MAX_SPAN);
            }
            if (start == null) {
                start = end.minus(MAX_SPAN);
            }
            if (!start.isBefore(end)) {
                throw new Open311Error(400, "start_date must be before end_date");
            }
            if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
                throw new Open311Error(400, "start_date and end_date may be at most 90 days apart");
            }
            // denunciations are not listed: that one was filed about an office is itself protected
            rows.addAll(ofJurisdiction(j, tracking.casesOfSource(j.sourceId(), start, end.plusMillis(1), categories, statuses,
                    MAX_REQUESTS)).stream().filter(r -> !PROTECTED_KINDS.contains(r.kind())).toList());
        }
        ArrayNode answer = json().createArrayNode();
        rows.forEach(r -> answer.add(view(j, r)));
        return ok(format, answer, "service_requests", "request");
    }

    /** One request as Open311 shows it: built field by field from the case, and the place from the record. */
    ObjectNode view(Jurisdiction j, CaseRow row) {
        ObjectNode o = json().createObjectNode();
        o.put("service_request_id", row.trackingCode());
        o.put("status", Open311Status.of(row.status()));
        // the public wording of the status; a subscriber's note is never shown
        o.put("status_notes", CitizenView.WORDING.get(row.status()));
        Optional<Service> service = j.serviceOf(row.kind(), row.categoryCode());
        o.put("service_name", service.map(Service::name).orElse(null));
        o.put("service_code", service.map(Service::code).orElse(null));
        o.put("agency_responsible", row.handlingAgencyName() != null ? row.handlingAgencyName() : j.settings().agencyResponsible());
        o.putNull("service_notice");
        o.put("requested_datetime", iso(row.acceptedAt()));
        o.put("updated_datetime", iso(row.updatedAt()));
        o.put("expected_datetime", row.dueAt() == null ? null : iso(row.dueAt()));
        // a denunciation's place and media can point at its author (the office they work in, their photo):
        // whoever holds the code sees its status only
        JsonNode record = PROTECTED_KINDS.contains(row.kind()) ? json().missingNode() : record(row.recordId());
        JsonNode location = record.path("location");
        o.put("address", location.path("address").isTextual() ? location.path("address").textValue() : null);
        o.putNull("address_id");
        o.putNull("zipcode");
        if (location.path("latitude").isNumber()) {
            o.put("lat", location.path("latitude").decimalValue());
            o.put("long", location.path("longitude").decimalValue());
        } else {
            o.putNull("lat");
            o.putNull("long");
        }
        JsonNode media = record.path("attachments").path(0).path("uri");
        o.put("media_url", media.isTextual() ? media.textValue() : null);
        return o;
    }

    /** The record as published, from the message log (empty once its payload is purged, or without a log). */
    private JsonNode record(String recordId) {
        if (log.isEmpty()) {
            return json().missingNode();
        }
        try {
            for (LogEntry e : log.get().entriesOf(recordId)) {
                if (e.event() == LogEvent.RECEIVED) {
                    Optional<byte[]> content = log.get().content(e.seq(), PayloadStore.Kind.RECORD);
                    return content.isPresent() ? json().readTree(content.get()) : json().missingNode();
                }
            }
        } catch (java.sql.SQLException | java.io.IOException e) {
            throw new GatewayException(ErrorCode.STORE_UNAVAILABLE, "the message log cannot be read; retry later", List.of(), e);
        }
        return json().missingNode();
    }

    private static List<CaseRow> ofJurisdiction(Jurisdiction j, List<CaseRow> rows) {
        boolean several = j.settings().jurisdictions().size() > 1;
        return rows.stream().filter(r -> r.sourceId().equals(j.sourceId()) && (!several || j.id().equals(r.provinceCode()))).toList();
    }

    /** A GeoReport v2 error answer. */
    public static Answer error(Format format, int status, List<String> descriptions) {
        ArrayNode errors = json().createArrayNode();
        descriptions.forEach(d -> errors.addObject().put("code", status).put("description", d));
        return new Answer(status, format, Open311Output.write(format, errors, "errors", "error"));
    }

    /** A pipeline rejection in the spec's shape: 403 for credentials, 400 for the request, 503 when storage fails. */
    public static Answer error(Format format, GatewayException e) {
        int status = switch (e.errorCode()) {
            case UNAUTHENTICATED, FORBIDDEN, SOURCE_MISMATCH -> 403;
            case BROKER_UNAVAILABLE, STORE_UNAVAILABLE, AUTH_UNAVAILABLE -> 503;
            case PAYLOAD_TOO_LARGE -> 413;
            case INTERNAL -> 500;
            default -> 400;
        };
        List<String> descriptions = e.violations().isEmpty() ? List.of(e.errorCode().code() + ": " + e.getMessage())
                : e.violations().stream().map(v -> e.errorCode().code() + ": " + v.pointer() + " " + v.message()).toList();
        return error(format, status, descriptions);
    }

    private static Answer ok(Format format, JsonNode answer, String root, String item) {
        return new Answer(200, format, Open311Output.write(format, answer, root, item));
    }

    private static Instant time(String value, String name, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(name + " must be a W3C date and time with offset, e.g. 2026-12-01T00:00:00+07:00");
            return null;
        }
    }

    static String iso(Instant instant) {
        // W3C complete date plus hours, minutes and seconds, with the offset (OffsetDateTime.toString drops :00 seconds)
        return instant == null ? null : W3C.format(CaseRow.local(instant.truncatedTo(ChronoUnit.SECONDS)));
    }

    private static com.fasterxml.jackson.databind.ObjectMapper json() {
        return IntakeService.json();
    }
}
