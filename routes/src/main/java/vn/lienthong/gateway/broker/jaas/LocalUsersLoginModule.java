package vn.lienthong.gateway.broker.jaas;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
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
public class LocalUsersLoginModule extends CredentialsLoginModule {

    private String gatewayUser;
    private String gatewayPassword;
    private Map<String, String> hashes;
    private String user;
    private String role;

    @Override
    @SuppressWarnings("unchecked")
    void configure(Map<String, ?> options) {
        this.gatewayUser = (String) options.get("gatewayUser");
        this.gatewayPassword = (String) options.get("gatewayPassword");
        this.hashes = options.get("hashes") instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }

    @Override
    public boolean login() throws LoginException {
        Credentials credentials = credentials();
        String candidate = credentials.user();
        char[] secret = credentials.password();
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
    List<Principal> granted() {
        return user == null ? null : List.of(new UserPrincipal(user), new RolePrincipal(role));
    }

    @Override
    void forget() {
        user = null;
    }
}
