package vn.lienthong.gateway.broker;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Artemis broker running inside the gateway process (the default; production may use a cluster). */
public class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();

    public EmbeddedBroker(Configuration configuration, ActiveMQSecurityManager securityManager) {
        embedded.setConfiguration(configuration);
        embedded.setSecurityManager(securityManager);
    }

    public EmbeddedBroker start() throws Exception {
        embedded.start();
        Configuration c = embedded.getActiveMQServer().getConfiguration();
        LOG.info("embedded broker started: journal {} ({}), acceptors {}", c.getJournalLocation(), c.getJournalType(),
                c.getAcceptorConfigurations().stream().map(a -> a.getName()).toList());
        return this;
    }

    public ActiveMQServer server() {
        return embedded.getActiveMQServer();
    }

    public boolean isActive() {
        ActiveMQServer server = embedded.getActiveMQServer();
        return server != null && server.isActive();
    }

    /** Why the broker cannot take a record right now, or null when it can. */
    public String refusal() {
        ActiveMQServer server = embedded.getActiveMQServer();
        if (server == null || !server.isActive()) {
            return "the broker is not running";
        }
        if (server.getPagingManager() != null && server.getPagingManager().isDiskFull()) {
            return "the broker's disk is full (above lienthong.broker.max-disk-usage)";
        }
        return null;
    }

    @Override
    public void close() throws Exception {
        embedded.stop();
    }
}
