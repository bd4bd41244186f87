package vn.lienthong.gateway.broker.jaas;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
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
public class TokenLoginModule implements LoginModule {

    private static final Logger LOG = LoggerFactory.getLogger(TokenLoginModule.class);
    /** Standalone brokers build one per configuration, not one per login. */
    private static final Map<Map<String, ?>, TokenLogins> STANDALONE = new ConcurrentHashMap<>();

    private Subject subject;
    private CallbackHandler handler;
    private TokenLogins logins;
    private TokenLogins.Login login;
    private final List<Principal> added = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = callbackHandler;
        this.logins = options.get("logins") instanceof TokenLogins given ? given
                : STANDALONE.computeIfAbsent(Map.copyOf(options), TokenLogins::standalone);
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("user");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (Exception e) {
            throw new LoginException("cannot read the credentials: " + e.getMessage());
        }
        String user = name.getName();
        String secret = password.getPassword() == null ? null : new String(password.getPassword());
        password.clearPassword();
        try {
            login = logins.login(user, secret);
        } catch (IllegalArgumentException e) {
            LOG.info("broker login refused for {}: {}", user == null || user.isBlank() ? "(token)" : user, e.getMessage());
            throw new FailedLoginException(e.getMessage());
        }
        return login != null;
    }

    @Override
    public boolean commit() {
        if (login == null) {
            return false;
        }
        added.add(new UserPrincipal(login.user()));
        login.roles().forEach(role -> added.add(new RolePrincipal(role)));
        added.add(new TokenExpiry(login.expiresAt()));
        subject.getPrincipals().addAll(added);
        return true;
    }

    @Override
    public boolean abort() {
        login = null;
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(added);
        added.clear();
        login = null;
        return true;
    }
}
