package vn.lienthong.gateway.intake.sms;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.common.HttpMessage;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;

/**
 * The HTTP side of the Kannel callback: which source, the raw request, and the answer. Kannel gets
 * 202 once {@link SmsIntake} has made everything durable; any other status makes smsbox retry
 * ({@code http-request-retry}), and the retry is recognized by its message id.
 */
public final class KannelIntakeProcessor {

    /** Largest callback body read: an SMS of ten parts is under 2 KB. */
    static final int MAX_BODY = 16 * 1024;
    private static final List<String> HEADERS = List.of("x-kannel-from", "x-kannel-to", "x-kannel-time", "x-kannel-coding",
            "content-type", KannelCallback.SECRET_HEADER.toLowerCase(Locale.ROOT));

    /** Kannel's header for the coding of a reply (read with accept-x-kannel-headers = true). */
    static final String KANNEL_CODING = "X-Kannel-Coding";

    private final KannelCallback callback;
    private final SmsIntake intake;

    public KannelIntakeProcessor(KannelCallback callback, SmsIntake intake) {
        this.callback = callback;
        this.intake = intake;
    }

    public void handle(Exchange exchange) {
        Message in = exchange.getIn();
        HttpMessage http = exchange.getIn(HttpMessage.class);
        if (http == null) {
            throw new IllegalStateException("the Kannel callback must come through the servlet");
        }
        HttpServletRequest request = http.getRequest();
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String sourceId = path.replaceFirst("^/kannel/?", "").replaceAll("/+$", "");
        if (sourceId.isEmpty() || sourceId.contains("/")) {
            throw new GatewayException(ErrorCode.UNKNOWN_SOURCE, "call /sms/kannel/{sourceId}");
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        InboundSms sms = callback.read(sourceId, new KannelCallback.Request(request.getMethod(), request.getQueryString(),
                headers, body(in), request.getRemoteAddr()));
        boolean inAnswer = intake.shortCode(sms.sourceId()).map(c -> c.settings().kannel().replyInAnswer()).orElse(false);
        Answer answer = new Answer();
        if (inAnswer) {
            intake.handle(sms, answer);
        } else {
            intake.handle(sms);
        }
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        out.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-8");
        if (answer.reply == null) {
            // nothing to send (or sent through sendsms): with omit-empty = true Kannel sends nothing
            out.setBody("");
            return;
        }
        // Kannel sends the body to the sender (sms-service max-messages = 2, concatenation = true);
        // coding 2 is UCS-2, which Kannel converts the UTF-8 body to
        if (answer.reply.unicode()) {
            out.setHeader(KANNEL_CODING, "2");
        }
        out.setBody(answer.reply.text());
    }

    /**
     * The reply to one message when it goes back in the HTTP answer: Kannel takes it with the answer and
     * queues it in bearerbox's store, so a gateway that stops after answering has nothing left to send,
     * and a message Kannel retries (no answer reached it) is answered again, once.
     */
    private static final class Answer implements SmsPorts.Outbox {
        private OutboundSms reply;

        @Override
        public void enqueue(OutboundSms sms) {
            reply = sms;
        }
    }

    private static byte[] body(Message in) {
        Object body = in.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof byte[] bytes) {
            return check(bytes);
        }
        try (InputStream stream = in.getBody(InputStream.class)) {
            return stream == null ? new byte[0] : check(stream.readNBytes(MAX_BODY + 1));
        } catch (IOException e) {
            throw new GatewayException(ErrorCode.SMS_MALFORMED, "the body could not be read");
        }
    }

    private static byte[] check(byte[] bytes) {
        if (bytes.length > MAX_BODY) {
            throw new GatewayException(ErrorCode.PAYLOAD_TOO_LARGE, "an SMS callback body is at most " + MAX_BODY + " bytes");
        }
        return bytes;
    }
}
