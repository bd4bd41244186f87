package vn.lienthong.gateway.broker;

import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import vn.lienthong.gateway.config.SubscriberDefinition;
import vn.lienthong.gateway.security.Passwords;

/**
 * Who may connect to the embedded broker: the gateway itself (a password made up at each start,
 * never written down) and each subscriber with the password whose hash its YAML holds. A subscriber
 * gets the role {@code feed:<id>}, which the security settings let consume its own queues only.
 */
public class GatewaySecurityManager implements ActiveMQSecurityManager5 {

    private final String gatewayUser;
    private final String gatewayPassword;
    private final Map<String, String> subscriberHashes = new ConcurrentHashMap<>();

    public GatewaySecurityManager(String gatewayUser, String gatewayPassword, Map<String, SubscriberDefinition> subscribers) {
        this.gatewayUser = gatewayUser;
        this.gatewayPassword = gatewayPassword;
        subscribers.values().forEach(s -> {
            if (s.broker().passwordHash() != null) {
                subscriberHashes.put(s.id(), s.broker().passwordHash());
            }
        });
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (user == null || password == null) {
            return null;
        }
        if (user.equals(gatewayUser)) {
            return java.security.MessageDigest.isEqual(password.getBytes(), gatewayPassword.getBytes())
                    ? subject(user, BrokerAddresses.GATEWAY_ROLE) : null;
        }
        String hash = subscriberHashes.get(user);
        if (hash != null && Passwords.verify(password, hash)) {
            return subject(user, BrokerAddresses.feedRole(user));
        }
        return null;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        if (subject == null) {
            return false;
        }
        Set<String> held = new java.util.HashSet<>();
        for (Principal p : subject.getPrincipals(RolePrincipal.class)) {
            held.add(p.getName());
        }
        for (Role role : roles) {
            if (held.contains(role.getName()) && checkType.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean validateUser(String user, String password) {
        return authenticate(user, password, null, null) != null;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return authorize(authenticate(user, password, null, null), roles, checkType, null);
    }

    private static Subject subject(String user, String role) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrincipals().add(new RolePrincipal(role));
        return subject;
    }
}
