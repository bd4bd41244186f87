package vn.lienthong.gateway.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.intake.rest.RestProblems;
import vn.lienthong.gateway.messagelog.LogEntry;
import vn.lienthong.gateway.messagelog.LogEvent;
import vn.lienthong.gateway.messagelog.MessageLogQueries;
import vn.lienthong.gateway.normalize.SourceNormalization;
import vn.lienthong.gateway.security.AdminAccess;
import vn.lienthong.gateway.tracking.CaseFigures;

/**
 * The operators' admin API for the message log and the case figures (an operator's bearer token with
 * {@code ops:admin}, or an operator key in {@code X-Api-Key}, see {@link AdminAccess}). Reading a raw
 * input is written to the application log with the operator's identity: it holds personal data. The
 * raw input of a protected reporter's record (a denunciation, a confidential report) also needs
 * {@code identity:read}: the identity that subscribers receive only encrypted is in clear there.
 */
public class AdminRoutes extends RouteBuilder {

    private static final Logger AUDIT = LoggerFactory.getLogger("vn.lienthong.gateway.audit");

    private final AdminAccess access;
    private final CaseFigures figures;
    private final MessageLogQueries log;

    public AdminRoutes(AdminAccess access, CaseFigures figures, MessageLogQueries log) {
        this.access = access;
        this.figures = figures;
        this.log = log;
    }

    @Override
    public void configure() {
        rest("/v1/admin")
                .get("/figures").to("direct:admin-rest-figures")
                .get("/message-log/records/{recordId}").to("direct:admin-rest-message-log")
                .get("/message-log/records/{recordId}/raw").to("direct:admin-rest-message-log-raw")
                .get("/message-log/verification").to("direct:admin-rest-message-log-verification");

        from("direct:admin-rest-figures").routeId("admin-rest-figures")
                .routeConfigurationId(RestProblems.ID)
                .process(this::figures);
        from("direct:admin-rest-message-log").routeId("admin-rest-message-log")
                .routeConfigurationId(RestProblems.ID)
                .process(this::entries);
        from("direct:admin-rest-message-log-raw").routeId("admin-rest-message-log-raw")
                .routeConfigurationId(RestProblems.ID)
                .process(this::raw);
        from("direct:admin-rest-message-log-verification").routeId("admin-rest-message-log-verification")
                .routeConfigurationId(RestProblems.ID)
                .process(this::verification);
    }

    void verification(Exchange exchange) throws SQLException {
        String operator = operator(exchange);
        vn.lienthong.gateway.messagelog.ChainVerifier.Result result = log.verify();
        AUDIT.info("operator {} verified the message log: {}", operator, result.intact() ? "intact" : result.mismatch().get());
        ObjectNode json = IntakeService.json().createObjectNode()
                .put("intact", result.intact())
                .put("entries", result.entries())
                .put("headSeq", result.headSeq())
                .put("headHash", result.headHash())
                .put("payloadsChecked", result.payloadsChecked())
                .put("payloadsPurged", result.payloadsPurged());
        result.mismatch().ifPresent(m -> json.putObject("mismatch").put("seq", m.seq()).put("event", m.event())
                .put("recordId", m.recordId()).put("reason", m.reason()));
        json(exchange, json);
    }

    void figures(Exchange exchange) throws SQLException {
        operator(exchange);
        json(exchange, figures.figures(since(exchange.getMessage().getHeader("since", String.class))));
    }

    void entries(Exchange exchange) throws SQLException {
        operator(exchange);
        String recordId = recordId(exchange.getMessage());
        List<LogEntry> entries = log.entriesOf(recordId);
        if (entries.isEmpty()) {
            throw new GatewayException(ErrorCode.UNKNOWN_CASE, "the message log has no record " + recordId);
        }
        ObjectNode json = IntakeService.json().createObjectNode().put("recordId", recordId);
        ArrayNode list = json.putArray("entries");
        for (LogEntry e : entries) {
            ObjectNode entry = list.addObject()
                    .put("seq", e.seq())
                    .put("event", e.event() == null ? null : e.event().name())
                    .put("trackingCode", e.trackingCode())
                    .put("subscriberId", e.subscriberId())
                    .put("recordPrevSeq", e.recordPrevSeq())
                    .put("occurredAt", OffsetDateTime.ofInstant(e.occurredAt(), SourceNormalization.VIETNAM).toString())
                    .put("loggedAt", OffsetDateTime.ofInstant(e.loggedAt(), SourceNormalization.VIETNAM).toString())
                    .put("payloadSha256", e.payloadSha256())
                    .put("recordSha256", e.recordSha256())
                    .put("prevHash", e.prevHash())
                    .put("hash", e.hash());
            if (e.details() != null) {
                try {
                    entry.set("details", IntakeService.json().readTree(e.details()));
                } catch (IOException ex) {
                    entry.put("details", e.details());
                }
            }
        }
        json(exchange, json);
    }

    void raw(Exchange exchange) throws SQLException, IOException {
        Message in = exchange.getMessage();
        String operator = operator(exchange);
        String recordId = recordId(in);
        Optional<LogEntry> received = log.entriesOf(recordId).stream().filter(e -> e.event() == LogEvent.RECEIVED).findFirst();
        if (received.isEmpty()) {
            throw new GatewayException(ErrorCode.UNKNOWN_CASE, "the message log has no record " + recordId);
        }
        Optional<byte[]> content = log.content(received.get().seq(), vn.lienthong.gateway.messagelog.PayloadStore.Kind.RAW);
        if (content.isEmpty()) {
            throw new GatewayException(ErrorCode.UNKNOWN_CASE, "the raw input of record " + recordId + " was purged by retention");
        }
        if (log.isSealed(received.get().seq(), vn.lienthong.gateway.messagelog.PayloadStore.Kind.RAW)
                || isProtected(log.content(received.get().seq(), vn.lienthong.gateway.messagelog.PayloadStore.Kind.RECORD))) {
            try {
                operator = access.checkIdentityReader(in.getHeader("X-Api-Key", String.class), in.getHeader("Authorization", String.class));
            } catch (GatewayException e) {
                AUDIT.warn("operator {} was refused the raw input of record {} (protected reporter): {}", operator, recordId, e.getMessage());
                throw e;
            }
        }
        AUDIT.info("operator {} read the raw input of record {}", operator, recordId);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, "application/octet-stream");
        // the entry's digest of a sealed raw input is of the sealed bytes: give the digest of what is returned
        out.setHeader("X-Content-SHA256", vn.lienthong.gateway.messagelog.EntryHash.sha256Hex(content.get()));
        out.setHeader("Cache-Control", "no-store");
        out.setBody(content.get());
    }

    private String operator(Exchange exchange) {
        Message in = exchange.getMessage();
        return access.check(in.getHeader("X-Api-Key", String.class), in.getHeader("Authorization", String.class));
    }

    /** Whether the stored canonical record is a protected reporter's; missing or unreadable: treated as protected. */
    static boolean isProtected(Optional<byte[]> canonical) {
        if (canonical.isEmpty()) {
            return true;
        }
        return vn.lienthong.gateway.identity.ReporterRedaction.isProtectedRecord(canonical.get());
    }

    /** A record id is a UUID: anything else cannot name a record (400, not "no such record"). */
    private static String recordId(Message in) {
        String text = in.getHeader("recordId", String.class);
        try {
            return java.util.UUID.fromString(text == null ? "" : text.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new GatewayException(ErrorCode.BAD_REQUEST, "a record id is a UUID like 8c725414-a731-5687-af74-f3e30e995a3b");
        }
    }

    private static Instant since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).atStartOfDay(SourceNormalization.VIETNAM).toInstant();
        } catch (DateTimeParseException e) {
            throw new GatewayException(ErrorCode.BAD_REQUEST, "since must be a date like 2026-01-31");
        }
    }

    private static void json(Exchange exchange, ObjectNode json) {
        vn.lienthong.gateway.tracking.TrackingRestProcessor.answer(exchange, 200, json);
    }
}
