package vn.lienthong.gateway.broker.jaas;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import vn.lienthong.gateway.broker.BrokerAddresses;
import vn.lienthong.gateway.security.Passwords;

/**
 * The embedded broker's own users: the gateway itself (a password made up at each start, never
 * written down; role {@code gateway}) and subscribers whose YAML accepts a password (PBKDF2 hash;
 * role {@code feed:<id>}). Options: {@code gatewayUser}, {@code gatewayPassword}, {@code hashes}
 * (subscriber id → hash). Any other user is left to the next module.
 */
public class LocalUsersLoginModule implements LoginModule {

    private Subject subject;
    private CallbackHandler handler;
    private String gatewayUser;
    private String gatewayPassword;
    private Map<String, String> hashes;
    private String user;
    private String role;
    private final List<Principal> added = new ArrayList<>();

    @Override
    @SuppressWarnings("unchecked")
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = callbackHandler;
        this.gatewayUser = (String) options.get("gatewayUser");
        this.gatewayPassword = (String) options.get("gatewayPassword");
        this.hashes = options.get("hashes") instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
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
        String candidate = name.getName();
        char[] secret = password.getPassword();
        password.clearPassword();
        if (candidate == null || secret == null) {
            return false;
        }
        if (candidate.equals(gatewayUser)) {
            if (!MessageDigest.isEqual(new String(secret).getBytes(StandardCharsets.UTF_8), gatewayPassword.getBytes(StandardCharsets.UTF_8))) {
                throw new FailedLoginException("wrong password for the gateway user");
            }
            user = candidate;
            role = BrokerAddresses.GATEWAY_ROLE;
            return true;
        }
        String hash = hashes.get(candidate);
        if (hash == null || TokenLogins.looksLikeJwt(new String(secret))) {
            return false;
        }
        if (!Passwords.verify(new String(secret), hash)) {
            throw new FailedLoginException("wrong password for " + candidate);
        }
        user = candidate;
        role = BrokerAddresses.feedRole(candidate);
        return true;
    }

    @Override
    public boolean commit() {
        if (user == null) {
            return false;
        }
        added.add(new UserPrincipal(user));
        added.add(new RolePrincipal(role));
        subject.getPrincipals().addAll(added);
        return true;
    }

    @Override
    public boolean abort() {
        user = null;
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(added);
        added.clear();
        user = null;
        return true;
    }
}
