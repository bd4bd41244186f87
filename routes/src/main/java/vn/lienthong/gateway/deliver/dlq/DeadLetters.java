package vn.lienthong.gateway.deliver.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.gateway.broker.BrokerAddresses;
import vn.lienthong.gateway.deliver.DeadLetterProperties;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.publish.MessageProperties;

/**
 * The dead letters on {@code lienthong.dlq}, for operators: list them (per subscriber) and replay
 * them onto the queue they came from. A replay moves the record in one transaction (it leaves the
 * dead-letter queue exactly when it is back on its subscriber's queue, and only there); it keeps its
 * id, so the case system's idempotency key is the same.
 * <p>
 * Dead letters made by push delivery carry {@code dlq*} properties (reason, attempt history); those
 * the broker made itself after too many redeliveries of a pulled queue carry Artemis' original
 * address and queue, and are listed and replayed too.
 */
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final String ID_PATTERN = "[A-Za-z0-9:.-]{1,80}";

    private final ConnectionFactory factory;

    /** One dead letter as an operator sees it (never the record's content). */
    public record DeadLetter(String id, String subscriber, String queue, String trackingCode, String recordId, String kind,
            String reason, boolean permanent, int attempts, String at, int replays, JsonNode history) {
    }

    /** @param replayed ids moved back to their queues; notFound ids that were not on the dead-letter queue */
    public record Replay(List<String> replayed, List<String> notFound) {
    }

    public DeadLetters(ConnectionFactory factory) {
        this.factory = factory;
    }

    /** @param subscriber null for all */
    public List<DeadLetter> list(String subscriber) {
        String selector = subscriber == null ? null : subscriberSelector(subscriber);
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            List<DeadLetter> letters = new ArrayList<>();
            try (QueueBrowser browser = session.createBrowser(session.createQueue(BrokerAddresses.DEAD_LETTER), selector)) {
                for (Object m : Collections.list(browser.getEnumeration())) {
                    letters.add(describe((Message) m));
                }
            }
            return letters;
        } catch (JMSException e) {
            throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "cannot read the dead-letter queue: " + e.getMessage(), List.of(), e);
        }
    }

    /** Replays the given dead letters. */
    public Replay replay(Collection<String> ids, String operator) {
        Set<String> wanted = new LinkedHashSet<>(ids);
        for (String id : wanted) {
            if (!id.matches(ID_PATTERN)) {
                throw new GatewayException(ErrorCode.BAD_REQUEST, "'" + id + "' is not a dead-letter id");
            }
        }
        if (wanted.isEmpty()) {
            throw new GatewayException(ErrorCode.BAD_REQUEST, "name the dead letters to replay (ids) or a subscriber");
        }
        String selector = wanted.stream().map(id -> id.startsWith("broker:")
                        ? DeadLetterProperties.ORIGINAL_MESSAGE_ID + " = " + Long.parseLong(id.substring(7))
                        : DeadLetterProperties.ID + " = '" + id + "'")
                .collect(Collectors.joining(" OR "));
        Replay replay = move(selector, operator);
        List<String> notFound = wanted.stream().filter(id -> !replay.replayed().contains(id)).toList();
        return new Replay(replay.replayed(), notFound);
    }

    /** Replays every dead letter of one subscriber. */
    public Replay replayAll(String subscriber, String operator) {
        return move(subscriberSelector(subscriber), operator);
    }

    private Replay move(String selector, String operator) {
        List<String> moved = new ArrayList<>();
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(BrokerAddresses.DEAD_LETTER), selector);
                    MessageProducer producer = session.createProducer(null)) {
                Message m;
                while ((m = consumer.receive(500)) != null) {
                    DeadLetter letter = describe(m);
                    if (letter.queue() == null) {
                        LOG.warn("dead letter {} names no queue; left on {}", letter.id(), BrokerAddresses.DEAD_LETTER);
                        continue;
                    }
                    // the subscriber queues are multicast queues of the feed address: addressing the
                    // queue by its fully qualified name puts the record on that queue alone
                    producer.send(session.createTopic(letter.queue()), copy(session, m, letter.replays() + 1),
                            DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 0);
                    moved.add(letter.id());
                    LOG.info("operator {} replayed dead letter {} ({} for {}, reason: {})", operator, letter.id(), letter.trackingCode(),
                            letter.subscriber(), letter.reason());
                }
                session.commit();
            }
        } catch (JMSException e) {
            throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "replay failed, nothing was moved: " + e.getMessage(), List.of(), e);
        }
        return new Replay(moved, List.of());
    }

    private static BytesMessage copy(Session session, Message letter, int replays) throws JMSException {
        BytesMessage copy = session.createBytesMessage();
        if (letter instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.reset();
            bytes.readBytes(body);
            copy.writeBytes(body);
        }
        DeadLetterProperties.copyRecordProperties(letter, copy);
        copy.setIntProperty(DeadLetterProperties.REPLAYS, replays);
        return copy;
    }

    static DeadLetter describe(Message m) throws JMSException {
        String id = m.getStringProperty(DeadLetterProperties.ID);
        String subscriber = m.getStringProperty(DeadLetterProperties.SUBSCRIBER);
        String queue = m.getStringProperty(DeadLetterProperties.QUEUE);
        String reason = m.getStringProperty(DeadLetterProperties.REASON);
        int attempts = m.propertyExists(DeadLetterProperties.ATTEMPTS) ? m.getIntProperty(DeadLetterProperties.ATTEMPTS) : 0;
        if (id == null) {
            // moved by the broker itself: too many failed deliveries to a pulling subscriber
            id = "broker:" + m.getObjectProperty(DeadLetterProperties.ORIGINAL_MESSAGE_ID);
            String address = m.getStringProperty(DeadLetterProperties.ORIGINAL_ADDRESS);
            String original = m.getStringProperty(DeadLetterProperties.ORIGINAL_QUEUE);
            queue = address == null || original == null ? null : address + "::" + original;
            subscriber = original == null ? null : original.replaceFirst("\\.service-records$", "");
            reason = "the broker gave up after " + m.getIntProperty("JMSXDeliveryCount") + " deliveries";
        }
        JsonNode history;
        try {
            String json = m.getStringProperty(DeadLetterProperties.HISTORY);
            history = json == null ? JsonNodeFactory.instance.arrayNode() : IntakeService.json().readTree(json);
        } catch (Exception e) {
            history = JsonNodeFactory.instance.arrayNode();
        }
        return new DeadLetter(id, subscriber, queue, m.getStringProperty(MessageProperties.TRACKING_CODE),
                m.getStringProperty(MessageProperties.ID), m.getStringProperty(MessageProperties.KIND), reason,
                m.propertyExists(DeadLetterProperties.PERMANENT) && m.getBooleanProperty(DeadLetterProperties.PERMANENT),
                attempts, m.getStringProperty(DeadLetterProperties.AT),
                m.propertyExists(DeadLetterProperties.REPLAYS) ? m.getIntProperty(DeadLetterProperties.REPLAYS) : 0, history);
    }

    private static String subscriberSelector(String subscriber) {
        if (!subscriber.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw new GatewayException(ErrorCode.BAD_REQUEST, "'" + subscriber + "' is not a subscriber id");
        }
        return DeadLetterProperties.SUBSCRIBER + " = '" + subscriber + "' OR " + DeadLetterProperties.ORIGINAL_QUEUE
                + " IN ('" + subscriber + "', '" + subscriber + ".service-records')";
    }
}
