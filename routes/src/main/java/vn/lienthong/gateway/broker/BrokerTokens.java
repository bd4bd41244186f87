package vn.lienthong.gateway.broker;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.lienthong.gateway.broker.jaas.ExpiredTokenReaper;
import vn.lienthong.gateway.broker.jaas.TokenLogins;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.security.SubscriberCallers;
import vn.lienthong.gateway.security.oidc.OidcProperties;
import vn.lienthong.gateway.security.oidc.RealmTokens;

/**
 * Keycloak logins on the embedded broker: present when a realm is configured.
 *
 * @param logins null without a realm
 */
public record BrokerTokens(TokenLogins logins) {

    @Configuration(proxyBeanMethods = false)
    static class Setup {

        @Bean
        BrokerTokens brokerTokens(OidcProperties oidc, RealmTokens realmTokens, SubscriberCallers subscriberCallers, GatewayConfig config) {
            if (!realmTokens.enabled()) {
                return new BrokerTokens(null);
            }
            java.util.Set<String> clients = new java.util.HashSet<>();
            config.subscribers().values().stream().filter(s -> s.auth().acceptsBearer()).forEach(s -> clients.add(s.clientId()));
            return new BrokerTokens(TokenLogins.forSubscribers(oidc, realmTokens, subscriberCallers, clients::contains));
        }

        @Bean(destroyMethod = "close")
        ExpiredTokenReaper expiredTokenReaper(ObjectProvider<EmbeddedBroker> embedded, OidcProperties oidc, Clock clock) {
            EmbeddedBroker broker = embedded.getIfAvailable();
            // without an embedded broker or a realm there is nothing to sweep; the reaper idles
            return new ExpiredTokenReaper(broker == null ? null : broker.server(), oidc.clockSkew(), Duration.ofSeconds(2), clock);
        }
    }
}
