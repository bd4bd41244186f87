package vn.lienthong.gateway.intake.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import vn.lienthong.gateway.broker.BrokerAddresses;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.publish.BrokerUnavailableException;
import vn.lienthong.gateway.publish.MessageProperties;
import vn.lienthong.gateway.publish.RecordPublisher;
import vn.lienthong.gateway.security.ApiKeys;

/**
 * The broker side of SMS intake: the outbox ({@code lienthong.sms.outbound}), parking
 * ({@code lienthong.rejected}) and opt-outs ({@code lienthong.sms.opt-out}, a last-value queue).
 * Telephone numbers travel in message bodies only, never in properties: the broker logs properties.
 */
public final class BrokerSmsQueues implements SmsPorts.Outbox, SmsPorts.Parking, SmsPorts.OptOuts, AutoCloseable {

    /** Message properties of outbox and parked messages. */
    public static final String VIA = "smsVia";
    public static final String ERROR_CODE = "errorCode";
    public static final String REASON = "reason";

    private final RecordPublisher publisher;
    private final SharedConnection browsing;
    private final Clock clock;

    public BrokerSmsQueues(RecordPublisher publisher, ConnectionFactory factory, Clock clock) {
        this.publisher = publisher;
        this.browsing = new SharedConnection(factory);
        this.clock = clock;
    }

    @Override
    public void enqueue(OutboundSms sms) throws BrokerUnavailableException {
        ObjectNode body = IntakeService.json().createObjectNode()
                .put("via", sms.via())
                .put("sourceId", sms.sourceId())
                .put("from", sms.from())
                .put("to", sms.to())
                .put("text", sms.text())
                .put("unicode", sms.unicode())
                .put("notification", sms.notification());
        Map<String, Object> properties = Map.of(VIA, sms.via(), MessageProperties.SOURCE_ID, sms.sourceId(),
                MessageProperties.CONTENT_TYPE, "application/json");
        publisher.sendToQueue(BrokerAddresses.SMS_OUTBOUND, bytes(body), properties, "sms-out:" + sms.dedupKey());
    }

    /** Reads an outbox message body back. */
    public static OutboundSms outbound(byte[] body) throws IOException {
        JsonNode n = IntakeService.json().readTree(body);
        return new OutboundSms(n.path("via").asText(), n.path("sourceId").asText(), n.path("from").asText(),
                n.path("to").asText(), n.path("text").asText(), n.path("unicode").asBoolean(),
                n.path("notification").asBoolean(), null);
    }

    @Override
    public void park(InboundSms sms, ErrorCode code, String reason, String dedupKey) throws BrokerUnavailableException {
        ObjectNode body = IntakeService.json().createObjectNode()
                .put("sourceId", sms.sourceId())
                .put("channel", "SMS")
                .put("via", sms.via())
                .put("errorCode", code.code())
                .put("reason", reason)
                .put("from", sms.sender())
                .put("to", sms.shortCode())
                .put("text", sms.text())
                .put("messageId", sms.messageId())
                .put("sentAt", sms.sentAt() == null ? null : sms.sentAt().toString())
                .put("parkedAt", clock.instant().toString())
                .put("raw", sms.raw() == null ? null : Base64.getEncoder().encodeToString(sms.raw()));
        Map<String, Object> properties = new HashMap<>();
        properties.put(MessageProperties.SOURCE_ID, sms.sourceId());
        properties.put(MessageProperties.CHANNEL, "SMS");
        properties.put(ERROR_CODE, code.code());
        properties.put(REASON, reason);
        properties.put(MessageProperties.CONTENT_TYPE, "application/json");
        publisher.sendToQueue(BrokerAddresses.REJECTED, bytes(body), properties, "sms-rejected:" + dedupKey);
    }

    @Override
    public void set(String e164, boolean optedOut) throws BrokerUnavailableException {
        ObjectNode body = IntakeService.json().createObjectNode()
                .put("optedOut", optedOut)
                .put("at", clock.instant().toString());
        publisher.sendToQueue(BrokerAddresses.SMS_OPT_OUT, bytes(body),
                Map.of(BrokerAddresses.SMS_OPT_OUT_KEY, optOutKey(e164), "optedOut", optedOut), null);
    }

    @Override
    public boolean isOptedOut(String e164) throws BrokerUnavailableException {
        String selector = BrokerAddresses.SMS_OPT_OUT_KEY + " = '" + optOutKey(e164) + "'";
        Connection connection = browsing.get();
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                QueueBrowser browser = session.createBrowser(session.createQueue(BrokerAddresses.SMS_OPT_OUT), selector)) {
            boolean optedOut = false;
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                optedOut = ((Message) messages.nextElement()).getBooleanProperty("optedOut");
            }
            return optedOut;
        } catch (JMSException | RuntimeException e) {
            browsing.reset(connection);
            throw new BrokerUnavailableException("cannot read SMS opt-outs: " + e.getMessage(), e);
        }
    }

    /** A hash, so the queue holds no telephone numbers; hex only, so it is safe in a selector. */
    static String optOutKey(String e164) {
        return ApiKeys.sha256Hex("lienthong-sms-opt-out\n" + e164);
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        browsing.close();
    }
}
