package vn.lienthong.gateway.tracking;

import vn.lienthong.gateway.security.doors.RateLimiter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.common.HttpMessage;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.error.Problems;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.security.SourceCallers;

/**
 * The HTTP side of tracking: citizens' lookups (public, rate-limited per client address, never any
 * personal data), subscribers' status reports (their bearer token with {@code feed:<id>}, or HTTP Basic
 * with their broker credentials; only a subscriber that received the case) and portals' pull of status
 * changes (their bearer token with {@code intake:<id>}, or their source API key, as their YAML accepts).
 */
public final class TrackingRestProcessor {

    static final int MAX_REPORT_BYTES = 16 * 1024;

    private final TrackingService tracking;
    private final RateLimiter limiter;
    private final SubscriberCredentials subscribers;
    private final SourceCallers sources;
    private final Clock clock;
    private final MeterRegistry meters;

    public TrackingRestProcessor(TrackingService tracking, RateLimiter limiter, SubscriberCredentials subscribers,
            SourceCallers sources, Clock clock, MeterRegistry meters) {
        this.tracking = tracking;
        this.limiter = limiter;
        this.subscribers = subscribers;
        this.clock = clock;
        this.meters = meters;
        this.sources = sources;
    }

    /** {@code GET /api/v1/tracking/{trackingCode}}. Unknown and malformed codes get the same answer. */
    public void lookup(Exchange exchange) {
        Message in = exchange.getMessage();
        long wait = limiter.acquire(clientAddress(exchange));
        if (wait > 0) {
            meters.counter("lienthong.tracking.lookups", "outcome", "rate-limited").increment();
            Message out = exchange.getMessage();
            out.removeHeaders("*");
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, ErrorCode.RATE_LIMITED.httpStatus());
            out.setHeader(Exchange.CONTENT_TYPE, Problems.MEDIA_TYPE);
            out.setHeader("Retry-After", Long.toString(wait));
            out.setBody(Problems.toJson(IntakeService.json(), new GatewayException(ErrorCode.RATE_LIMITED,
                    "too many lookups from this address; retry in " + wait + " s")).toString());
            return;
        }
        Optional<TrackingService.CaseDetails> details = tracking.details(in.getHeader("trackingCode", String.class));
        if (details.isEmpty()) {
            meters.counter("lienthong.tracking.lookups", "outcome", "unknown").increment();
            throw new GatewayException(ErrorCode.UNKNOWN_CASE, "no case has this tracking code");
        }
        meters.counter("lienthong.tracking.lookups", "outcome", "found").increment();
        answer(exchange, 200, CitizenView.json(details.get()));
        exchange.getMessage().setHeader("Cache-Control", "no-store");
    }

    /** {@code POST /api/v1/cases/{trackingCode}/status}: a subscriber's status report. */
    public void report(Exchange exchange) {
        Message in = exchange.getMessage();
        String subscriberId = subscribers.authenticate(in.getHeader("Authorization", String.class));
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new GatewayException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the status report as application/json");
        }
        byte[] body = body(in);
        String code = StatusReports.code(in.getHeader("trackingCode", String.class))
                .orElseThrow(() -> new GatewayException(ErrorCode.UNKNOWN_CASE, "no case has this tracking code"));
        StatusUpdate update = StatusReports.parse(body, code, clock.instant());
        CaseView view = tracking.apply(update, subscriberId, "rest");
        ObjectNode json = IntakeService.json().createObjectNode()
                .put("trackingCode", view.trackingCode())
                .put("recordId", view.recordId())
                .put("status", view.status().name())
                .put("updatedAt", view.updatedAt().toString());
        if (view.handlingAgencyCode() != null || view.handlingAgencyName() != null) {
            json.putObject("handlingAgency").put("code", view.handlingAgencyCode()).put("name", view.handlingAgencyName());
        }
        answer(exchange, 200, json);
    }

    /** {@code GET /api/v1/sources/{sourceId}/status-changes?after=&limit=}: a portal pulls its records' changes. */
    public void pull(Exchange exchange) {
        Message in = exchange.getMessage();
        String caller = sources.authenticate(in.getHeader("X-Api-Key", String.class), in.getHeader("Authorization", String.class));
        String sourceId = in.getHeader("sourceId", String.class);
        if (!caller.equals(sourceId)) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "these credentials belong to source '" + caller
                    + "' and may not read the changes of '" + sourceId + "'");
        }
        long after = number(in.getHeader("after", String.class), 0, Long.MAX_VALUE, 0);
        int limit = (int) number(in.getHeader("limit", String.class), 1, 1_000, 100);
        List<CaseStore.PortalChange> changes = tracking.changesForSource(sourceId, after, limit);
        ObjectNode json = IntakeService.json().createObjectNode();
        ArrayNode list = json.putArray("changes");
        changes.forEach(c -> list.add(PortalWebhooks.changeJson(c)));
        json.put("next", changes.isEmpty() ? after : changes.get(changes.size() - 1).cursor());
        answer(exchange, 200, json);
    }

    private static long number(String text, long min, long max, long fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(text.strip());
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new GatewayException(ErrorCode.INVALID_STATUS_UPDATE, "'" + text + "' is not a number from " + min + " to " + max);
        }
    }

    /** A JSON answer; no request header goes back. */
    public static void answer(Exchange exchange, int status, ObjectNode json) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setBody(json.toString());
    }

    /** The client's address as Tomcat sees it (behind a proxy: set server.forward-headers-strategy). */
    static String clientAddress(Exchange exchange) {
        HttpMessage http = exchange.getMessage(HttpMessage.class);
        if (http != null && http.getRequest() != null) {
            return http.getRequest().getRemoteAddr();
        }
        return "unknown";
    }

    private static byte[] body(Message in) {
        Object body = in.getBody();
        if (body instanceof byte[] bytes) {
            if (bytes.length > MAX_REPORT_BYTES) {
                throw new GatewayException(ErrorCode.PAYLOAD_TOO_LARGE, "a status report may have at most " + MAX_REPORT_BYTES + " bytes");
            }
            return bytes;
        }
        try (InputStream stream = in.getBody(InputStream.class)) {
            byte[] bytes = stream == null ? new byte[0] : stream.readNBytes(MAX_REPORT_BYTES + 1);
            if (bytes.length > MAX_REPORT_BYTES) {
                throw new GatewayException(ErrorCode.PAYLOAD_TOO_LARGE, "a status report may have at most " + MAX_REPORT_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new GatewayException(ErrorCode.INVALID_STATUS_UPDATE, "the body could not be read");
        }
    }
}
