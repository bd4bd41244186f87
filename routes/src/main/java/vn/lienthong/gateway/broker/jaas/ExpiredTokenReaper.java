package vn.lienthong.gateway.broker.jaas;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.security.auth.Subject;
import java.util.Map;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.persistence.OperationContext;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerSessionPlugin;
import org.apache.activemq.artemis.spi.core.protocol.SessionCallback;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes broker connections whose bearer token has expired (plus the clock skew). Artemis checks a
 * password only when a connection opens; without this, a client disabled in the realm could keep
 * reading on a connection opened earlier. A client that logged in with its client id and secret
 * reconnects and gets a new token; one that gave a token reconnects with a fresh one.
 */
public final class ExpiredTokenReaper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredTokenReaper.class);

    private final ActiveMQServer server;
    private final Duration skew;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("broker-token-reaper").daemon(true).factory());

    public ExpiredTokenReaper(ActiveMQServer server, Duration skew, Duration interval, Clock clock) {
        this.server = server;
        this.skew = skew;
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        if (server != null) {
            server.registerBrokerPlugin(new SessionCheck());
        }
    }

    /**
     * Artemis caches a successful login for a few seconds by user and password: a connection opened
     * again with an expired token could be let in from that cache. Its sessions are refused here.
     */
    private final class SessionCheck implements ActiveMQServerSessionPlugin {
        @Override
        public void beforeCreateSession(String name, String username, int minLargeMessageSize, RemotingConnection connection,
                boolean autoCommitSends, boolean autoCommitAcks, boolean preAcknowledge, boolean xa, String defaultAddress,
                SessionCallback callback, boolean autoCreateQueues, OperationContext context,
                Map<SimpleString, RoutingType> prefixes) throws ActiveMQException {
            Instant expiry = connection == null ? null : expiry(connection.getSubject());
            if (expiry != null && clock.instant().isAfter(expiry.plus(skew))) {
                throw new ActiveMQSecurityException("the bearer token expired at " + expiry + "; reconnect with a new one");
            }
        }
    }

    /** @return how many connections were closed */
    public int sweep() {
        if (server == null || server.getRemotingService() == null) {
            return 0;
        }
        Instant now = clock.instant();
        int closed = 0;
        for (RemotingConnection connection : server.getRemotingService().getConnections()) {
            Instant expiry = expiry(connection.getSubject());
            if (expiry != null && now.isAfter(expiry.plus(skew)) && !connection.isDestroyed()) {
                LOG.info("closing broker connection of {}: its bearer token expired at {}", user(connection.getSubject()), expiry);
                connection.fail(new ActiveMQSecurityException("the bearer token expired; reconnect with a new one"));
                closed++;
            }
        }
        return closed;
    }

    static Instant expiry(Subject subject) {
        if (subject == null) {
            return null;
        }
        return subject.getPrincipals(TokenExpiry.class).stream().map(TokenExpiry::expiresAt).min(Instant::compareTo).orElse(null);
    }

    private static String user(Subject subject) {
        return subject.getPrincipals(org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal.class).stream()
                .map(p -> p.getName()).findFirst().orElse("?");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
