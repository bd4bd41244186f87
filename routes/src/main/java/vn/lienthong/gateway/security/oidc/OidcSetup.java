package vn.lienthong.gateway.security.oidc;

import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayConfigException;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.security.SourceCallers;
import vn.lienthong.gateway.security.SubscriberCallers;

/** Wires the realm's token checks into the doors; the production profile refuses to start without a realm. */
@Configuration(proxyBeanMethods = false)
public class OidcSetup {

    @Bean
    RealmTokens realmTokens(OidcProperties oidc, GatewayProperties properties) {
        if (!oidc.enabled()) {
            if (properties.production()) {
                throw new GatewayConfigException(List.of(
                        "the production profile requires the Keycloak realm: set lienthong.oidc.issuer (LIENTHONG_OIDC_ISSUER)"));
            }
            LoggerFactory.getLogger(OidcSetup.class).info("no Keycloak realm configured (lienthong.oidc.issuer): bearer tokens are refused,"
                    + " API keys and passwords work as configured");
            return RealmTokens.none();
        }
        if (properties.production() && !oidc.issuer().startsWith("https://")) {
            throw new GatewayConfigException(List.of("lienthong.oidc.issuer must be an https URL in production: " + oidc.issuer()));
        }
        LoggerFactory.getLogger(OidcSetup.class).info("bearer tokens of realm {} (audience {}) are accepted", oidc.issuer(), oidc.audience());
        return new RealmTokens(new BearerTokenVerifier(oidc));
    }

    @Bean
    SourceCallers sourceCallers(GatewayConfig config, RealmTokens realmTokens) {
        return new SourceCallers(config, realmTokens);
    }

    @Bean
    SubscriberCallers subscriberCallers(GatewayConfig config, RealmTokens realmTokens) {
        return new SubscriberCallers(config, realmTokens);
    }
}
