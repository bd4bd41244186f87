package vn.lienthong.gateway.broker;

import java.util.HashMap;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import vn.lienthong.gateway.broker.jaas.LocalUsersLoginModule;
import vn.lienthong.gateway.broker.jaas.TokenLoginModule;
import vn.lienthong.gateway.broker.jaas.TokenLogins;
import vn.lienthong.gateway.config.SubscriberDefinition;

/**
 * Who may connect to the embedded broker, as JAAS login modules (the same modules a standalone
 * Artemis can load): the gateway itself (a password made up at each start, never written down),
 * subscribers with the password whose hash their YAML holds, and — with a realm — subscribers with a
 * Keycloak bearer token (or their client id and secret). A subscriber gets the role {@code feed:<id>},
 * which the security settings let consume its own queues only.
 */
public class GatewaySecurityManager extends ActiveMQJAASSecurityManager {

    public static final String DOMAIN = "lienthong";

    public GatewaySecurityManager(String gatewayUser, String gatewayPassword, Map<String, SubscriberDefinition> subscribers) {
        this(gatewayUser, gatewayPassword, subscribers, null);
    }

    /** @param tokens token logins, or null without a realm */
    public GatewaySecurityManager(String gatewayUser, String gatewayPassword, Map<String, SubscriberDefinition> subscribers,
            TokenLogins tokens) {
        super(DOMAIN, new Logins(gatewayUser, gatewayPassword, subscribers, tokens));
    }

    /** The JAAS configuration of the {@value #DOMAIN} domain, built in code (no login.config file). */
    private static final class Logins extends SecurityConfiguration {

        private final AppConfigurationEntry[] entries;

        Logins(String gatewayUser, String gatewayPassword, Map<String, SubscriberDefinition> subscribers, TokenLogins tokens) {
            Map<String, Object> local = new HashMap<>();
            local.put("gatewayUser", gatewayUser);
            local.put("gatewayPassword", gatewayPassword);
            Map<String, String> hashes = new HashMap<>();
            subscribers.values().stream()
                    .filter(s -> s.auth().acceptsPassword() && s.broker().passwordHash() != null)
                    .forEach(s -> hashes.put(s.id(), s.broker().passwordHash()));
            local.put("hashes", Map.copyOf(hashes));
            AppConfigurationEntry users = new AppConfigurationEntry(LocalUsersLoginModule.class.getName(),
                    LoginModuleControlFlag.SUFFICIENT, local);
            entries = tokens == null ? new AppConfigurationEntry[] {users}
                    : new AppConfigurationEntry[] {users, new AppConfigurationEntry(TokenLoginModule.class.getName(),
                            LoginModuleControlFlag.SUFFICIENT, Map.of("logins", tokens))};
        }

        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return DOMAIN.equals(name) ? entries.clone() : null;
        }
    }
}
