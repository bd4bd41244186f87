package vn.lienthong.gateway.intake.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.common.HttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.intake.open311.Open311Output.Format;

/**
 * The HTTP side of the Open311 door: which resource and format the URL names, the parameters (query
 * string, and for a POST the form body, decoded as UTF-8 by the container), and the answer with its
 * status and content type. Every failure is answered as a GeoReport v2 error in the URL's format.
 */
public final class Open311Http {

    private static final Logger LOG = LoggerFactory.getLogger(Open311Http.class);
    /** {@code /open311/v2/<resource>[/<id>].<format>} */
    private static final Pattern PATH = Pattern.compile(".*/v2/(discovery|services|requests|tokens)(?:/([^/]+?))?\\.([a-z]+)");

    private final Open311Door door;
    private final long maxBodyBytes;

    public Open311Http(Open311Door door, long maxBodyBytes) {
        this.door = door;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The resource and format of a request path, or null when the path is none of the spec's. */
    record Target(String resource, String id, Format format) {
        static Target of(String path) {
            Matcher m = PATH.matcher(path);
            if (!m.matches()) {
                return null;
            }
            Format format = Format.of(m.group(3));
            return format == null ? null : new Target(m.group(1), m.group(2), format);
        }
    }

    public void discovery(Exchange exchange) {
        answer(exchange, (t, r, form) -> {
            String base = r.getScheme() + "://" + r.getServerName() + ":" + r.getServerPort() + r.getContextPath() + "/open311/v2/";
            return t.id() == null ? door.discovery(t.format(), base) : null;
        });
    }

    public void services(Exchange exchange) {
        answer(exchange, (t, r, form) -> t.id() == null ? door.services(t.format(), form) : door.definition(t.format(), t.id(), form));
    }

    public void requests(Exchange exchange) {
        answer(exchange, (t, r, form) -> {
            if ("POST".equals(r.getMethod())) {
                if (t.id() != null) {
                    return null;
                }
                String type = r.getContentType() == null ? "" : r.getContentType().toLowerCase(Locale.ROOT);
                if (!type.startsWith("application/x-www-form-urlencoded")) {
                    throw new Open311Error(400, "send the request as application/x-www-form-urlencoded, as GeoReport v2 says");
                }
                if (r.getContentLengthLong() > maxBodyBytes) {
                    throw new GatewayException(ErrorCode.PAYLOAD_TOO_LARGE, "the body exceeds " + maxBodyBytes + " bytes", List.of());
                }
                return door.file(t.format(), form, r.getHeader("Authorization"));
            }
            return t.id() == null ? door.requests(t.format(), form) : door.request(t.format(), t.id(), form);
        });
    }

    public void tokens(Exchange exchange) {
        answer(exchange, (t, r, form) -> t.id() == null ? null : door.token(t.format(), t.id(), form));
    }

    private interface Handler {
        /** @return the answer, or null when the URL names no resource of this kind (404) */
        Open311Door.Answer handle(Target target, HttpServletRequest request, Open311Form form);
    }

    /**
     * The query string's parameters and, for a form POST, the body's. Camel has read the body into the
     * message by now, so the container's own parameter parsing would see none of it: both are decoded
     * here, as UTF-8 (GeoReport v2 is UTF-8 throughout).
     */
    private Open311Form form(Exchange exchange, HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        if (!"POST".equals(request.getMethod())) {
            return Open311Form.parse(query);
        }
        byte[] body;
        try (java.io.InputStream in = exchange.getIn().getBody(java.io.InputStream.class)) {
            body = in == null ? new byte[0] : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        } catch (java.io.IOException e) {
            throw new Open311Error(400, "the body could not be read: " + e.getMessage());
        }
        if (body.length > maxBodyBytes) {
            throw new GatewayException(ErrorCode.PAYLOAD_TOO_LARGE, "the body exceeds " + maxBodyBytes + " bytes", List.of());
        }
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return Open311Form.parse(query.isEmpty() ? text : query + "&" + text);
    }

    private void answer(Exchange exchange, Handler handler) {
        HttpServletRequest request = exchange.getIn(HttpMessage.class).getRequest();
        Target target = Target.of(request.getRequestURI());
        Open311Door.Answer answer;
        if (target == null) {
            answer = Open311Door.error(Format.XML, 404, List.of("no such resource: the spec's URLs end in .xml or .json"));
        } else {
            try {
                answer = handler.handle(target, request, form(exchange, request));
                if (answer == null) {
                    answer = Open311Door.error(target.format(), 404, List.of("no such resource"));
                }
            } catch (Open311Error e) {
                answer = Open311Door.error(target.format(), e.status(), e.descriptions());
            } catch (GatewayException e) {
                if (e.errorCode().httpStatus() >= 500) {
                    LOG.warn("Open311 request failed: {}", e.getMessage(), e.getCause());
                }
                answer = Open311Door.error(target.format(), e);
            }
        }
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        out.setHeader(Exchange.CONTENT_TYPE, answer.format().contentType());
        if (answer.status() == 503) {
            out.setHeader("Retry-After", "5");
        }
        out.setBody(answer.body());
    }
}
