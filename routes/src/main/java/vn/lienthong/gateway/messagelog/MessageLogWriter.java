package vn.lienthong.gateway.messagelog;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.gateway.broker.BrokerAddresses;
import vn.lienthong.gateway.tracking.CaseListeners;

/**
 * Moves log messages from the internal queue into the log store, in batches: one transacted broker
 * session receives up to {@code batchSize} messages, one database transaction stores them, and only
 * then is the broker session committed. A crash in between makes the broker deliver the batch again;
 * the recorder skips the events it already has. Nothing is acknowledged before it is in the store.
 * <p>
 * A plain consumer loop rather than a Camel route: Camel's JMS consumer commits each message on its
 * own, and the log needs one broker transaction around many messages to batch the database writes.
 * <p>
 * When the store is unavailable the batch is rolled back and retried with growing pauses (the
 * internal queue never dead-letters). A message that cannot be stored because of its own content (not
 * a readable log message, or refused by the database as data) is isolated by retrying one message at a
 * time and moved to {@code lienthong.dlq} with the reason, so that it cannot block the log.
 */
public final class MessageLogWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MessageLogWriter.class);

    private final ConnectionFactory factory;
    private final MessageLogRecorder recorder;
    private final CaseListeners listeners;
    private final int batchSize;
    private final Duration batchWait;
    private final int nice;
    private final MeterRegistry meters;
    private volatile boolean running;
    private volatile boolean idle = true;
    private Thread thread;
    private int failures;
    private int singles;

    public MessageLogWriter(ConnectionFactory factory, MessageLogRecorder recorder, CaseListeners listeners, int batchSize,
            Duration batchWait, int nice, MeterRegistry meters) {
        this.factory = factory;
        this.nice = nice;
        this.batchWait = batchWait;
        this.recorder = recorder;
        this.listeners = listeners;
        this.batchSize = batchSize;
        this.meters = meters;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("message-log-writer").daemon(true).start(this::run);
    }

    /** True while the writer waits for messages with nothing in hand. */
    public boolean isIdle() {
        return idle;
    }

    private void run() {
        if (nice > 0) {
            if (BackgroundPriority.lowerCurrentThread(nice)) {
                LOG.info("message-log writer runs at nice {}: while intake saturates the CPU it yields, and its backlog waits on {}",
                        nice, BrokerAddresses.MESSAGE_LOG);
            } else {
                LOG.info("message-log writer keeps the normal OS priority (could not renice its thread)");
            }
        }
        while (running) {
            try (Connection connection = factory.createConnection()) {
                connection.start();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(ActiveMQJMSClient.createQueue(BrokerAddresses.MESSAGE_LOG));
                MessageProducer deadLetters = session.createProducer(ActiveMQJMSClient.createQueue(BrokerAddresses.DEAD_LETTER));
                while (running) {
                    drainOnce(session, consumer, deadLetters);
                }
            } catch (JMSException | RuntimeException e) {
                if (running) {
                    LOG.warn("message-log writer lost its broker session, reconnecting: {}", e.toString());
                    pause(Duration.ofSeconds(1));
                }
            }
        }
    }

    private void drainOnce(Session session, MessageConsumer consumer, MessageProducer deadLetters) throws JMSException {
        Message first = consumer.receive(500);
        if (first == null) {
            idle = true;
            return;
        }
        idle = false;
        int limit = singles > 0 ? 1 : batchSize;
        List<Message> messages = new ArrayList<>(Math.min(limit, 64));
        messages.add(first);
        Message next;
        while (messages.size() < limit && (next = consumer.receiveNoWait()) != null) {
            messages.add(next);
        }
        List<LogMessages.Incoming> batch = new ArrayList<>(messages.size());
        boolean redelivered = false;
        for (Message m : messages) {
            redelivered |= m.getJMSRedelivered();
            try {
                batch.add(LogMessages.read(m));
            } catch (IllegalArgumentException e) {
                deadLetter(session, deadLetters, m, "unreadable log message: " + e.getMessage());
            }
        }
        try {
            MessageLogRecorder.Outcome outcome = recorder.record(batch, redelivered);
            session.commit();
            failures = 0;
            singles = Math.max(0, singles - messages.size());
            meters.counter("lienthong.message.log.entries").increment(outcome.entries());
            listeners.notifyAll(outcome.changes());
            if (messages.size() < limit && !batchWait.isZero()) {
                // the queue is (nearly) empty: let the next batch gather instead of writing record by record
                pause(batchWait);
            }
        } catch (SQLException | RuntimeException e) {
            if (messages.size() == 1 && isDataProblem(e)) {
                // this message alone is refused for what it holds: park it, keep the log moving
                session.rollback();
                Message again = consumer.receive(5_000);
                if (again != null) {
                    deadLetter(session, deadLetters, again, "refused by the log store: " + e);
                    session.commit();
                }
                LOG.error("a message-log message was refused by the store and moved to {}: {}", BrokerAddresses.DEAD_LETTER, e.toString());
                return;
            }
            session.rollback();
            failures++;
            if (messages.size() > 1) {
                // find out whether one message is at fault: try the next ones alone
                singles = messages.size();
            }
            Duration wait = Duration.ofMillis(Math.min(30_000, 250L << Math.min(7, failures - 1)));
            LOG.warn("message log not written ({} message(s), attempt {}), retrying in {} ms: {}", messages.size(), failures,
                    wait.toMillis(), e.toString());
            meters.counter("lienthong.message.log.write.failures").increment();
            pause(wait);
        }
    }

    /** SQL states of class 22 (data) and 23 (integrity), and content errors: retrying will not help. */
    static boolean isDataProblem(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
            if (t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    /** Sends a copy (a received message's properties are read-only) with the reason, in the session's transaction. */
    private static void deadLetter(Session session, MessageProducer producer, Message m, String reason) throws JMSException {
        jakarta.jms.BytesMessage copy = session.createBytesMessage();
        if (m instanceof jakarta.jms.BytesMessage bytes) {
            bytes.reset();
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            copy.writeBytes(body);
        }
        for (Object name : java.util.Collections.list(m.getPropertyNames())) {
            String n = (String) name;
            if (!n.startsWith("JMSX") && !n.startsWith("_AMQ")) {
                copy.setObjectProperty(n, m.getObjectProperty(n));
            }
        }
        copy.setStringProperty("lienthongReason", reason.length() > 1000 ? reason.substring(0, 1000) : reason);
        copy.setStringProperty("lienthongOrigin", BrokerAddresses.MESSAGE_LOG);
        producer.send(copy, jakarta.jms.DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 0);
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(10_000);
        }
    }
}
