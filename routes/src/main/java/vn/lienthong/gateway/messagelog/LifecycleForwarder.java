package vn.lienthong.gateway.messagelog;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.gateway.broker.BrokerAddresses;
import vn.lienthong.gateway.messagelog.LogMessages.BrokerEvent;

/**
 * Sends the broker plugin's lifecycle events to the internal log queue, durably and in batches (one
 * transaction per batch). Events are held in memory between the broker's acknowledgement and this
 * send (milliseconds): a kill in that window loses those events, never a record or its
 * RECEIVED/PUBLISHED entries (docs/decisions.md).
 */
public final class LifecycleForwarder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleForwarder.class);

    private final LifecyclePlugin plugin;
    private final ConnectionFactory factory;
    private volatile boolean running;
    private Thread thread;

    public LifecycleForwarder(LifecyclePlugin plugin, ConnectionFactory factory) {
        this.plugin = plugin;
        this.factory = factory;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("message-log-lifecycle").daemon(true).start(this::run);
    }

    private void run() {
        List<BrokerEvent> pending = new ArrayList<>();
        while (running || !pending.isEmpty() || !plugin.events().isEmpty()) {
            try (Connection connection = factory.createConnection()) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageProducer producer = session.createProducer(ActiveMQJMSClient.createQueue(BrokerAddresses.MESSAGE_LOG));
                while (running || !pending.isEmpty() || !plugin.events().isEmpty()) {
                    if (pending.isEmpty()) {
                        BrokerEvent first = plugin.events().poll(500, TimeUnit.MILLISECONDS);
                        if (first == null) {
                            continue;
                        }
                        pending.add(first);
                        plugin.events().drainTo(pending, 499);
                    }
                    for (BrokerEvent e : pending) {
                        Message m = session.createMessage();
                        for (Map.Entry<String, Object> p : LogMessages.brokerEvent(e).entrySet()) {
                            m.setObjectProperty(p.getKey(), p.getValue());
                        }
                        producer.send(m, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 0);
                    }
                    session.commit();
                    pending.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (JMSException | RuntimeException e) {
                LOG.warn("lifecycle events not sent ({} pending), retrying: {}", pending.size(), e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(5_000);
        }
    }
}
