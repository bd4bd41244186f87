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

    @Override
    public void close() throws Exception {
        embedded.stop();
    }
}
