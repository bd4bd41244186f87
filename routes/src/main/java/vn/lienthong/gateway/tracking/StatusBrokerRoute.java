package vn.lienthong.gateway.tracking;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsMessage;
import vn.lienthong.gateway.broker.BrokerAddresses;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;

/**
 * Status reports that subscribers send to {@code lienthong.status}, consumed in a broker transaction.
 * The sender is the broker-validated user ({@code _AMQ_VALIDATED_USER}, set by the broker itself), never
 * a claim in the message. A report that can never apply (not a handling status, malformed, from a
 * subscriber that did not receive the case) is parked on {@code lienthong.rejected} with the reason, in
 * the same transaction; one that cannot apply yet (the case is not in the log store yet, or the store
 * is down) is rolled back and redelivered by the broker with back-off, then dead-lettered.
 */
public class StatusBrokerRoute extends RouteBuilder {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StatusBrokerRoute.class);
    public static final String ROUTE_ID = "status-broker";
    static final String VALIDATED_USER = "_AMQ_VALIDATED_USER";
    static final String REFUSAL = "lienthongRefusal";

    private final TrackingService tracking;
    private final SubscriberCredentials subscribers;
    private final Clock clock;

    public StatusBrokerRoute(TrackingService tracking, SubscriberCredentials subscribers, Clock clock) {
        this.tracking = tracking;
        this.subscribers = subscribers;
        this.clock = clock;
    }

    /** The report cannot be applied yet: roll back, let the broker redeliver. */
    static final class NotYetApplicable extends RuntimeException {
        NotYetApplicable(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public void configure() {
        String common = "?connectionFactory=#brokerConnectionFactory&transacted=true"
                + "&headerFilterStrategy=#strictHeaderFilterStrategy";
        from("jms:queue:" + BrokerAddresses.STATUS + common + "&concurrentConsumers=1")
                .routeId(ROUTE_ID)
                // an exception rolls the broker transaction back (redelivery, then the dead-letter queue)
                .errorHandler(noErrorHandler())
                .process(this::apply)
                .filter(header(REFUSAL).isNotNull())
                .to("jms:queue:" + BrokerAddresses.REJECTED + common);
    }

    void apply(Exchange exchange) throws JMSException {
        jakarta.jms.Message message = exchange.getIn(JmsMessage.class).getJmsMessage();
        String subscriberId = message.getStringProperty(VALIDATED_USER);
        byte[] body = body(message);
        if (!subscribers.isSubscriber(subscriberId)) {
            refuse(exchange, subscriberId, ErrorCode.UNAUTHENTICATED, "the sender is not a configured subscriber", body);
            return;
        }
        try {
            tracking.apply(StatusReports.parse(body, null, clock.instant()), subscriberId, "broker");
        } catch (GatewayException e) {
            switch (e.errorCode()) {
                case UNKNOWN_CASE, STORE_UNAVAILABLE -> throw new NotYetApplicable(e.getMessage());
                default -> refuse(exchange, subscriberId, e.errorCode(), e.getMessage(), body);
            }
        }
    }

    private static void refuse(Exchange exchange, String subscriberId, ErrorCode code, String reason, byte[] body) {
        LOG.warn("status report from {} parked on {}: {} ({})", subscriberId, BrokerAddresses.REJECTED, code.code(), reason);
        org.apache.camel.Message out = exchange.getMessage();
        out.setHeader(REFUSAL, code.code());
        out.setHeader("lienthongReason", reason);
        out.setHeader("lienthongSubscriber", subscriberId == null ? "" : subscriberId);
        out.setHeader("lienthongOrigin", BrokerAddresses.STATUS);
        out.setBody(body);
    }

    private static byte[] body(jakarta.jms.Message message) throws JMSException {
        if (message instanceof BytesMessage bytes) {
            byte[] data = new byte[(int) Math.min(bytes.getBodyLength(), 64 * 1024)];
            bytes.readBytes(data);
            return data;
        }
        if (message instanceof TextMessage text && text.getText() != null) {
            return text.getText().getBytes(StandardCharsets.UTF_8);
        }
        return new byte[0];
    }
}
