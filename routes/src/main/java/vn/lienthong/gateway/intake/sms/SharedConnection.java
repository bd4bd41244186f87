package vn.lienthong.gateway.intake.sms;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import vn.lienthong.gateway.publish.BrokerUnavailableException;

/** One started JMS connection, opened on first use and replaced after a failure. */
final class SharedConnection implements AutoCloseable {

    private final ConnectionFactory factory;
    private Connection connection;

    SharedConnection(ConnectionFactory factory) {
        this.factory = factory;
    }

    synchronized Connection get() throws BrokerUnavailableException {
        if (connection == null) {
            try {
                Connection created = factory.createConnection();
                created.start();
                connection = created;
            } catch (JMSException e) {
                throw new BrokerUnavailableException("cannot connect to the broker: " + e.getMessage(), e);
            }
        }
        return connection;
    }

    /** Drops a connection that failed, so the next use opens a new one. */
    void reset(Connection failed) {
        synchronized (this) {
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

    @Override
    public void close() {
        Connection c;
        synchronized (this) {
            c = connection;
        }
        if (c != null) {
            reset(c);
        }
    }
}
