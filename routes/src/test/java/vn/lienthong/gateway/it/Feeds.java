package vn.lienthong.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.qpid.jms.JmsConnectionFactory;

/**
 * Reads subscriber queues the way a subscriber does: with a stock AMQP 1.0 client (Apache Qpid JMS)
 * over TCP, as the subscriber's own broker user, addressing its queue by fully qualified name.
 */
public final class Feeds {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A received record: the canonical JSON and the message properties. */
    public record Received(JsonNode record, Map<String, Object> properties) {
        public String id() {
            return record.path("id").asText();
        }
    }

    private Feeds() {
    }

    public static Connection connect(int brokerPort, String user, String password) throws JMSException {
        JmsConnectionFactory factory = new JmsConnectionFactory(user, password, "amqp://127.0.0.1:" + brokerPort);
        Connection connection = factory.createConnection();
        connection.start();
        return connection;
    }

    /** Demo credentials of a shipped subscriber. */
    public static Connection connect(GatewayProcess gateway, String subscriberId) throws JMSException {
        return connect(gateway.brokerPort(), subscriberId, "demo-" + subscriberId + "-secret");
    }

    /**
     * Consumes everything on the queue: waits up to {@code firstWaitMillis} for the first message,
     * then stops after {@code quietMillis} without one.
     */
    public static List<Received> drain(Connection connection, String fqqn, long firstWaitMillis, long quietMillis) throws Exception {
        List<Received> received = new ArrayList<>();
        try (Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue(fqqn))) {
            Message m = consumer.receive(firstWaitMillis);
            while (m != null) {
                received.add(toReceived(m));
                m.acknowledge();
                m = consumer.receive(quietMillis);
            }
        }
        return received;
    }

    public static List<Received> drain(GatewayProcess gateway, String subscriberId, String fqqn) throws Exception {
        try (Connection c = connect(gateway, subscriberId)) {
            return drain(c, fqqn, 1_000, 300);
        }
    }

    /**
     * Drains the queue until {@code count} records that match have arrived (a record reaches a
     * subscriber's queue some time after its sender had its answer: under load, more than the
     * second {@link #drain(GatewayProcess, String, String)} waits), for at most {@link Waits#SIGNAL};
     * returns the ones that match.
     */
    public static List<Received> awaitRecords(GatewayProcess gateway, String subscriberId, String fqqn,
            java.util.function.Predicate<Received> matches, int count) throws Exception {
        List<Received> found = new ArrayList<>();
        java.time.Instant deadline = java.time.Instant.now().plus(Waits.SIGNAL);
        try (Connection c = connect(gateway, subscriberId)) {
            while (found.size() < count && java.time.Instant.now().isBefore(deadline)) {
                drain(c, fqqn, 1_000, 300).stream().filter(matches).forEach(found::add);
            }
        }
        return found;
    }

    static Received toReceived(Message m) throws Exception {
        String body;
        if (m instanceof BytesMessage bytes) {
            byte[] data = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(data);
            body = new String(data, StandardCharsets.UTF_8);
        } else if (m instanceof TextMessage text) {
            body = text.getText();
        } else {
            throw new IllegalStateException("unexpected message " + m.getClass());
        }
        Map<String, Object> properties = new HashMap<>();
        for (Object name : Collections.list(m.getPropertyNames())) {
            properties.put((String) name, m.getObjectProperty((String) name));
        }
        return new Received(JSON.readTree(body), properties);
    }
}
