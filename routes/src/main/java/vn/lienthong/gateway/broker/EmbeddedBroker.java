package vn.lienthong.gateway.broker;

import java.util.function.Consumer;
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
    private final DiskAdmission disk;
    private final Consumer<String> onCriticalError;
    private volatile String criticalError;

    public EmbeddedBroker(Configuration configuration, ActiveMQSecurityManager securityManager) {
        this(configuration, securityManager, null, reason -> { });
    }

    /**
     * @param disk            refuses records before the disks fill up (null: only the broker's own limits)
     * @param onCriticalError told once when the broker stops on a critical I/O error (the gateway exits)
     */
    public EmbeddedBroker(Configuration configuration, ActiveMQSecurityManager securityManager, DiskAdmission disk,
            Consumer<String> onCriticalError) {
        embedded.setConfiguration(configuration);
        embedded.setSecurityManager(securityManager);
        this.disk = disk;
        this.onCriticalError = onCriticalError;
    }

    public EmbeddedBroker start() throws Exception {
        embedded.start();
        // Artemis stops itself on a critical I/O error (a journal file it cannot write or create), but
        // stays "active" for many seconds while it stops: the gateway must refuse records at once
        embedded.getActiveMQServer().registerIOCriticalErrorListener((cause, message, file) -> {
            if (criticalError == null) {
                criticalError = "the broker stopped on a critical I/O error (" + message + (file == null ? "" : ", " + file) + ")";
                LOG.error("{}: intake refuses records from now on", criticalError);
                onCriticalError.accept(criticalError);
            }
        });
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
        return criticalError == null && server != null && server.isActive();
    }

    /** The critical I/O error the broker stopped on, or null. */
    public String criticalError() {
        return criticalError;
    }

    /** Why the broker cannot take a record right now, or null when it can. */
    public String refusal() {
        if (criticalError != null) {
            return criticalError;
        }
        ActiveMQServer server = embedded.getActiveMQServer();
        if (server == null || !server.isActive()) {
            return "the broker is not running";
        }
        String full = disk == null ? null : disk.refusal();
        if (full != null) {
            return full;
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
