package vn.lienthong.gateway.intake.file;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.Map;
import vn.lienthong.gateway.broker.BrokerAddresses;

/**
 * Parks input that could not be accepted and could not be answered synchronously on
 * {@code lienthong.rejected}: the raw bytes, and as properties the source, where it came from and
 * why it was refused. Sent durably (a transaction per parcel).
 */
public class RejectedInputs implements AutoCloseable {

    private final ConnectionFactory factory;
    private Connection connection;
    private Session session;
    private MessageProducer producer;

    public RejectedInputs(ConnectionFactory factory) {
        this.factory = factory;
    }

    /** @param properties string, number or boolean values (source id, file, row, error code, reason …) */
    public synchronized void park(byte[] raw, Map<String, Object> properties) throws JMSException {
        try {
            open();
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(raw);
            for (Map.Entry<String, Object> p : properties.entrySet()) {
                if (p.getValue() != null) {
                    message.setObjectProperty(p.getKey(), p.getValue());
                }
            }
            producer.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 0);
            session.commit();
        } catch (JMSException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws JMSException {
        if (session == null) {
            connection = factory.createConnection();
            session = connection.createSession(true, Session.SESSION_TRANSACTED);
            producer = session.createProducer(session.createQueue(BrokerAddresses.REJECTED));
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException ignored) {
                // being discarded
            }
        }
        connection = null;
        session = null;
        producer = null;
    }
}
