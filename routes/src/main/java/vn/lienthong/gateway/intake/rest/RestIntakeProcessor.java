package vn.lienthong.gateway.intake.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.util.unit.DataSize;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.SourceDefinition;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.intake.IntakeResult;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.intake.Submission;
import vn.lienthong.gateway.normalize.RecordType;
import vn.lienthong.gateway.security.SourceCallers;

/**
 * The HTTP side of intake: who is calling (a bearer token or an API key, {@link SourceCallers}), is
 * the body acceptable, and what to answer. The pipeline itself is {@link IntakeService}.
 */
public class RestIntakeProcessor {

    static final String API_KEY_HEADER = "X-Api-Key";

    private final IntakeService intake;
    private final SourceCallers callers;
    private final Map<String, Long> maxBodyBytes = new HashMap<>();
    private final long defaultMaxBodyBytes;

    public RestIntakeProcessor(IntakeService intake, GatewayConfig config, DataSize defaultMaxBodySize) {
        this(intake, config, defaultMaxBodySize, new SourceCallers(config, vn.lienthong.gateway.security.oidc.RealmTokens.none()));
    }

    public RestIntakeProcessor(IntakeService intake, GatewayConfig config, DataSize defaultMaxBodySize, SourceCallers callers) {
        this.intake = intake;
        this.callers = callers;
        this.defaultMaxBodyBytes = defaultMaxBodySize.toBytes();
        for (SourceDefinition source : config.sources().values()) {
            if (source.limits().maxBodySize() != null) {
                maxBodyBytes.put(source.id(), DataSize.parse(source.limits().maxBodySize()).toBytes());
            }
        }
    }

    /** {@code POST /api/v1/{complaints|service-records}}: a canonical record from the authenticated source. */
    public void canonical(Exchange exchange, RecordType type) {
        String sourceId = authenticate(exchange.getMessage());
        accept(exchange, new Submission(sourceId, type, Submission.Format.CANONICAL, body(exchange, sourceId), charset(exchange)));
    }

    /** {@code POST /api/v1/sources/{sourceId}/{complaints|service-records}}: a source's native JSON. */
    public void nativeRecord(Exchange exchange, RecordType type) {
        Message in = exchange.getMessage();
        String caller = authenticate(in);
        String sourceId = in.getHeader("sourceId", String.class);
        if (!caller.equals(sourceId)) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "the credentials are those of source '" + caller
                    + "' and may not submit for '" + sourceId + "'");
        }
        accept(exchange, new Submission(sourceId, type, Submission.Format.NATIVE, body(exchange, sourceId), charset(exchange)));
    }

    private void accept(Exchange exchange, Submission submission) {
        List<IntakeResult> results = intake.submitAll(submission);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (results.size() == 1 && !isArray(submission.body())) {
            IntakeResult result = results.get(0);
            out.setHeader("Location", "/api/v1/tracking/" + result.trackingCode());
            out.setBody(answer(result).toString());
        } else {
            ObjectNode batch = IntakeService.json().createObjectNode();
            results.forEach(r -> batch.withArray("records").add(answer(r)));
            out.setBody(batch.toString());
        }
    }

    private static ObjectNode answer(IntakeResult result) {
        return IntakeService.json().createObjectNode()
                .put("id", result.id())
                .put("trackingCode", result.trackingCode())
                .put("status", result.status());
    }

    /** Whether the JSON body is an array (a batch), judged by its first significant byte. */
    private static boolean isArray(byte[] body) {
        for (byte b : body) {
            if (b == '[') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && (b & 0xff) != 0xEF && (b & 0xff) != 0xBB && (b & 0xff) != 0xBF) {
                return false;
            }
        }
        return false;
    }

    private String authenticate(Message in) {
        return callers.authenticate(in.getHeader(API_KEY_HEADER, String.class), in.getHeader("Authorization", String.class));
    }

    private byte[] body(Exchange exchange, String sourceId) {
        Message in = exchange.getMessage();
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType == null || !isJson(contentType)) {
            throw new GatewayException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type " + (contentType == null ? "is missing" : contentType + " is not accepted") + "; send application/json");
        }
        long limit = maxBodyBytes.getOrDefault(sourceId, defaultMaxBodyBytes);
        Long declared = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > limit) {
            throw tooLarge(limit);
        }
        Object body = in.getBody();
        if (body instanceof byte[] bytes) {
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            return bytes;
        }
        try (InputStream stream = in.getBody(InputStream.class)) {
            if (stream == null) {
                return new byte[0];
            }
            byte[] bytes = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw new GatewayException(ErrorCode.MALFORMED_JSON, "the body could not be read: " + e.getMessage());
        }
    }

    private static GatewayException tooLarge(long limit) {
        return new GatewayException(ErrorCode.PAYLOAD_TOO_LARGE, "the body exceeds " + limit + " bytes", List.of());
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    private static String charset(Exchange exchange) {
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.strip();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    return p.substring(8).replace("\"", "").strip();
                }
            }
        }
        // JSON without a charset is UTF-8 (RFC 8259 §8.1): a damaged byte is refused, not guessed around
        return "UTF-8";
    }
}
