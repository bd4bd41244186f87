package vn.lienthong.gateway.intake.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.lienthong.gateway.broker.BrokerAddresses;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.publish.BrokerUnavailableException;
import vn.lienthong.gateway.publish.RecordPublisher;
import vn.lienthong.gateway.security.ApiKeys;

/**
 * Parts of concatenated SMS (UDH or SAR) received over SMPP, kept on the broker
 * ({@code lienthong.sms.fragments}) from the moment a part is acknowledged to the SMSC until the whole
 * message is accepted: a crash between two parts loses neither, and any gateway instance can finish
 * the message. The parts of a message are consumed in one transaction that commits only after the
 * assembled message was handled.
 */
public final class SmsFragments implements AutoCloseable {

    private static final String KEY = "fragmentKey";

    /**
     * One part.
     *
     * @param coding SMPP data_coding of the part
     */
    public record Part(String sourceId, String sender, String shortCode, String reference, int total, int seq,
            byte coding, byte[] payload, Instant receivedAt) {

        /** Identifies the message the part belongs to, without the sender's number in clear. */
        public String key() {
            return ApiKeys.sha256Hex(sender + "\n" + shortCode + "\n" + reference + "\n" + total).substring(0, 32);
        }
    }

    /** What to do with the parts of one message; a throw rolls back and keeps them. */
    @FunctionalInterface
    public interface Handler {
        void handle(List<Part> parts) throws Exception;
    }

    private final RecordPublisher publisher;
    private final SharedConnection connection;

    public SmsFragments(RecordPublisher publisher, ConnectionFactory factory) {
        this.publisher = publisher;
        this.connection = new SharedConnection(factory);
    }

    /** Stores a part durably; a part the SMSC sends again is dropped by its duplicate id. */
    public void store(Part part) throws BrokerUnavailableException {
        ObjectNode body = IntakeService.json().createObjectNode()
                .put("sourceId", part.sourceId())
                .put("sender", part.sender())
                .put("shortCode", part.shortCode())
                .put("reference", part.reference())
                .put("total", part.total())
                .put("seq", part.seq())
                .put("coding", part.coding())
                .put("payload", Base64.getEncoder().encodeToString(part.payload()))
                .put("receivedAt", part.receivedAt().toString());
        publisher.sendToQueue(BrokerAddresses.SMS_FRAGMENTS, body.toString().getBytes(StandardCharsets.UTF_8),
                Map.of(KEY, part.key(), "seq", part.seq(), "total", part.total()), "sms-fragment:" + part.key() + ":" + part.seq());
    }

    /**
     * Takes the parts of one message if at least {@code minimum} distinct parts are there, hands them to
     * the handler in order, and removes them once it returns; otherwise leaves them.
     *
     * @return whether the handler ran
     */
    public boolean take(String key, int minimum, Handler handler) throws Exception {
        Connection c = connection.get();
        try (Session session = c.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue(BrokerAddresses.SMS_FRAGMENTS),
                        KEY + " = '" + key + "'")) {
            TreeMap<Integer, Part> parts = new TreeMap<>();
            Message m = consumer.receive(500);
            while (m != null) {
                Part part = read(m);
                parts.putIfAbsent(part.seq(), part);
                m = consumer.receive(100);
            }
            if (parts.size() < minimum || parts.isEmpty()) {
                session.rollback();
                return false;
            }
            try {
                handler.handle(new ArrayList<>(parts.values()));
            } catch (Exception e) {
                session.rollback();
                throw e;
            }
            session.commit();
            return true;
        } catch (JMSException e) {
            connection.reset(c);
            throw new BrokerUnavailableException("cannot read SMS fragments: " + e.getMessage(), e);
        }
    }

    /** The messages waiting for parts: key → their parts so far, oldest first. */
    public Map<String, List<Part>> pending() throws BrokerUnavailableException {
        Connection c = connection.get();
        Map<String, List<Part>> pending = new LinkedHashMap<>();
        try (Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                QueueBrowser browser = session.createBrowser(session.createQueue(BrokerAddresses.SMS_FRAGMENTS))) {
            for (Object o : Collections.list(browser.getEnumeration())) {
                Part part = read((Message) o);
                pending.computeIfAbsent(part.key(), k -> new ArrayList<>()).add(part);
            }
        } catch (JMSException | IOException e) {
            connection.reset(c);
            throw new BrokerUnavailableException("cannot browse SMS fragments: " + e.getMessage(), e);
        }
        pending.values().forEach(list -> list.sort(Comparator.comparing(Part::receivedAt)));
        return pending;
    }

    /** The payloads of the parts in order, joined. */
    public static byte[] join(List<Part> parts) {
        int length = parts.stream().mapToInt(p -> p.payload().length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (Part part : parts) {
            System.arraycopy(part.payload(), 0, all, at, part.payload().length);
            at += part.payload().length;
        }
        return all;
    }

    private static Part read(Message m) throws JMSException, IOException {
        byte[] data = new byte[(int) ((BytesMessage) m).getBodyLength()];
        ((BytesMessage) m).readBytes(data);
        JsonNode n = IntakeService.json().readTree(data);
        return new Part(n.path("sourceId").asText(), n.path("sender").asText(), n.path("shortCode").asText(),
                n.path("reference").asText(), n.path("total").asInt(), n.path("seq").asInt(), (byte) n.path("coding").asInt(),
                Base64.getDecoder().decode(n.path("payload").asText()), Instant.parse(n.path("receivedAt").asText()));
    }

    @Override
    public void close() {
        connection.close();
    }
}
