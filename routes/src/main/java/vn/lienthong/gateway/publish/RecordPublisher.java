package vn.lienthong.gateway.publish;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes canonical records to their feed and returns only once the broker has them on disk.
 * <p>
 * Each send runs in its own local transaction: the commit blocks until the journal has synced, and a
 * record whose id the broker has seen before makes the commit fail with a duplicate-id error, which
 * tells a resubmission apart from a new record. Sessions and producers are pooled and reused, so many
 * request threads commit concurrently and the journal syncs them together.
 */
public class RecordPublisher implements Publisher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecordPublisher.class);

    private final ConnectionFactory factory;
    private final java.time.Duration sendTimeout;
    private final java.util.function.Supplier<String> admission;
    private final SendDeadlines deadlines;
    private final Map<Feed, Topic> topics = new EnumMap<>(Feed.class);
    private final Map<String, jakarta.jms.Queue> queues = new java.util.concurrent.ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<Channel> idle = new ConcurrentLinkedDeque<>();
    private final Object connectionLock = new Object();
    private volatile Connection connection;

    private record Channel(Connection owner, Session session, MessageProducer producer) {
    }

    /**
     * @param sendTimeout longest a durable send may take
     * @param admission   a reason the broker cannot take records now (e.g. its disk is full), or null
     */
    public RecordPublisher(ConnectionFactory factory, java.time.Duration sendTimeout, java.util.function.Supplier<String> admission) {
        this.factory = factory;
        this.sendTimeout = sendTimeout;
        this.admission = admission;
        this.deadlines = new SendDeadlines(sendTimeout);
        for (Feed feed : Feed.values()) {
            topics.put(feed, ActiveMQJMSClient.createTopic(feed.address()));
        }
    }

    @Override
    public PublishOutcome publish(Feed feed, byte[] body, Map<String, Object> properties, String duplicateId)
            throws BrokerUnavailableException {
        return publish(feed, body, properties, duplicateId, null);
    }

    @Override
    public PublishOutcome publish(Feed feed, byte[] body, Map<String, Object> properties, String duplicateId,
            Companion companion) throws BrokerUnavailableException {
        return send(topics.get(feed), body, properties, duplicateId, companion);
    }

    /**
     * A durable send to one of the gateway's own ANYCAST queues (SMS outbox, parked input), with the
     * same guarantees as {@link #publish}: on disk before return, a repeated {@code duplicateId} refused.
     *
     * @param duplicateId null for a message that may be sent any number of times
     */
    public PublishOutcome sendToQueue(String queue, byte[] body, Map<String, Object> properties, String duplicateId)
            throws BrokerUnavailableException {
        return send(queue(queue), body, properties, duplicateId, null);
    }

    private jakarta.jms.Queue queue(String name) {
        return queues.computeIfAbsent(name, ActiveMQJMSClient::createQueue);
    }

    private PublishOutcome send(jakarta.jms.Destination destination, byte[] body, Map<String, Object> properties,
            String duplicateId, Companion companion) throws BrokerUnavailableException {
        String refusal = admission.get();
        if (refusal != null) {
            throw new BrokerUnavailableException(refusal, null);
        }
        // the deadline covers opening a session too: that also waits for the broker
        SendDeadlines.Send watch = deadlines.start();
        Channel channel;
        try {
            channel = borrow();
        } catch (BrokerUnavailableException | RuntimeException e) {
            watch.close();
            throw e instanceof BrokerUnavailableException b ? b
                    : new BrokerUnavailableException("cannot open a broker session: " + e.getMessage(), e);
        }
        try {
            BytesMessage message = channel.session().createBytesMessage();
            message.writeBytes(body);
            for (Map.Entry<String, Object> p : properties.entrySet()) {
                if (p.getValue() != null) {
                    message.setObjectProperty(p.getKey(), p.getValue());
                }
            }
            if (duplicateId != null) {
                message.setStringProperty(MessageProperties.DUPLICATE_ID, duplicateId);
            }
            channel.producer().send(destination, message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 0);
            if (companion != null) {
                // same session, same transaction: the log entry is durable exactly when the record is
                BytesMessage extra = channel.session().createBytesMessage();
                extra.writeBytes(companion.body());
                for (Map.Entry<String, Object> p : companion.properties().entrySet()) {
                    if (p.getValue() != null) {
                        extra.setObjectProperty(p.getKey(), p.getValue());
                    }
                }
                channel.producer().send(queue(companion.address()), extra, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 0);
            }
            channel.session().commit();
            idle.push(channel);
            return PublishOutcome.PUBLISHED;
        } catch (JMSException | RuntimeException e) {
            if (isDuplicate(e) && rollback(channel)) {
                idle.push(channel);
                return PublishOutcome.DUPLICATE;
            }
            discard(channel);
            String reason = watch.expired() ? "no confirmation within " + sendTimeout.toMillis() + " ms" : e.getMessage();
            throw new BrokerUnavailableException("broker did not confirm the send: " + reason, e);
        } finally {
            watch.close();
        }
    }

    /** The broker refuses a known duplicate id on send or on commit, depending on timing. */
    private static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ActiveMQDuplicateIdException
                    || t.getMessage() != null && t.getMessage().startsWith("Duplicate message detected")) {
                return true;
            }
        }
        return false;
    }

    private static boolean rollback(Channel channel) {
        try {
            channel.session().rollback();
            return true;
        } catch (JMSException | RuntimeException e) {
            return false;
        }
    }

    private Channel borrow() throws BrokerUnavailableException {
        Connection current = connection();
        Channel channel;
        while ((channel = idle.poll()) != null) {
            if (channel.owner() == current) {
                return channel;
            }
            closeQuietly(channel);
        }
        try {
            Session session = current.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(null);
            producer.setDisableMessageID(true);
            producer.setDisableMessageTimestamp(false);
            return new Channel(current, session, producer);
        } catch (JMSException e) {
            resetConnection(current);
            throw new BrokerUnavailableException("cannot open a broker session: " + e.getMessage(), e);
        }
    }

    private Connection connection() throws BrokerUnavailableException {
        Connection c = connection;
        if (c != null) {
            return c;
        }
        synchronized (connectionLock) {
            if (connection == null) {
                try {
                    Connection created = factory.createConnection();
                    created.setExceptionListener(e -> {
                        LOG.warn("broker connection failed: {}", e.getMessage());
                        resetConnection(created);
                    });
                    connection = created;
                } catch (JMSException e) {
                    throw new BrokerUnavailableException("cannot connect to the broker: " + e.getMessage(), e);
                }
            }
            return connection;
        }
    }

    private void resetConnection(Connection failed) {
        synchronized (connectionLock) {
            if (connection == failed) {
                connection = null;
            }
        }
        try {
            failed.close();
        } catch (JMSException | RuntimeException ignored) {
            // already broken
        }
    }

    private void discard(Channel channel) {
        closeQuietly(channel);
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.session().close();
        } catch (JMSException | RuntimeException ignored) {
            // the session is being thrown away
        }
    }

    @Override
    public void close() {
        deadlines.close();
        Channel channel;
        while ((channel = idle.poll()) != null) {
            closeQuietly(channel);
        }
        Connection c = connection;
        if (c != null) {
            resetConnection(c);
        }
    }
}
