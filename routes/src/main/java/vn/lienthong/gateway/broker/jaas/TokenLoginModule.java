package vn.lienthong.gateway.broker.jaas;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAAS login module for Artemis (every protocol: AMQP, STOMP, MQTT, Core): a Keycloak bearer token
 * as the password, or a client id and secret that the module exchanges for one. The token is checked
 * like at the HTTP doors (signature with the realm's keys, issuer, audience, expiry); its
 * {@code feed:<subscriber>} role becomes the connection's role, which the broker's security settings
 * let consume that subscriber's queues only.
 * <p>
 * In the gateway's embedded broker the options carry a ready {@link TokenLogins} under {@code logins};
 * in a standalone Artemis {@code login.config} they are strings (see {@link TokenLogins#standalone}):
 * <pre>
 * lienthong {
 *   vn.lienthong.gateway.broker.jaas.TokenLoginModule sufficient
 *     issuer="https://sso.example.gov.vn/realms/lienthong" audience="lienthong-gateway"
 *     tokenEndpoint="https://sso.example.gov.vn/realms/lienthong/protocol/openid-connect/token";
 * };
 * </pre>
 * A login that is not a token (and not a client of a token subscriber) is left to the next module.
 */
public class TokenLoginModule extends CredentialsLoginModule {

    private static final Logger LOG = LoggerFactory.getLogger(TokenLoginModule.class);
    /** Standalone brokers build one per configuration, not one per login. */
    private static final Map<Map<String, ?>, TokenLogins> STANDALONE = new ConcurrentHashMap<>();

    private TokenLogins logins;
    private TokenLogins.Login login;

    @Override
    void configure(Map<String, ?> options) {
        this.logins = options.get("logins") instanceof TokenLogins given ? given
                : STANDALONE.computeIfAbsent(Map.copyOf(options), TokenLogins::standalone);
    }

    @Override
    public boolean login() throws LoginException {
        Credentials credentials = credentials();
        String user = credentials.user();
        String secret = credentials.password() == null ? null : new String(credentials.password());
        try {
            login = logins.login(user, secret);
        } catch (IllegalArgumentException e) {
            LOG.info("broker login refused for {}: {}", user == null || user.isBlank() ? "(token)" : user, e.getMessage());
            throw new FailedLoginException(e.getMessage());
        }
        return login != null;
    }

    @Override
    List<Principal> granted() {
        if (login == null) {
            return null;
        }
        List<Principal> granted = new ArrayList<>();
        granted.add(new UserPrincipal(login.user()));
        login.roles().forEach(role -> granted.add(new RolePrincipal(role)));
        granted.add(new TokenExpiry(login.expiresAt()));
        return granted;
    }

    @Override
    void forget() {
        login = null;
    }
}
