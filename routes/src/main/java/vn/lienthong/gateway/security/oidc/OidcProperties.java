package vn.lienthong.gateway.security.oidc;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Keycloak realm the gateway trusts ({@code lienthong.oidc.*}). Empty {@code issuer} (the
 * default profile): no realm, bearer tokens are refused and sources, subscribers and operators use
 * their API keys and passwords. The production profile requires an issuer.
 *
 * @param issuer             the realm's issuer, exactly as in its tokens' {@code iss}, e.g.
 *                           {@code https://sso.example.gov.vn/realms/lienthong}
 * @param jwksUri            the realm's keys (default {@code <issuer>/protocol/openid-connect/certs})
 * @param tokenEndpoint      where clients get tokens (default {@code <issuer>/protocol/openid-connect/token});
 *                           used by the gateway's own outbound calls and the broker's client-secret login
 * @param audience           what a token's {@code aud} must contain (default {@code lienthong-gateway})
 * @param clockSkew          tolerance on {@code exp} and {@code nbf} (default 30s)
 * @param keysCacheTtl       how long fetched keys are used before they are fetched again (default 5m)
 * @param keysRefreshMinInterval a token signed with an unknown key makes the gateway fetch the keys
 *                           once; not more often than this (default 15s), so a flood of forged key
 *                           ids cannot hammer the realm
 * @param keysTimeout        connect and read timeout of a key fetch (default 3s)
 * @param clientId           the gateway's own client, for its outbound calls (default {@code lienthong-gateway})
 * @param clientSecret       its secret (from {@code LIENTHONG_OIDC_CLIENT_SECRET}, never committed)
 * @param brokerClientSecrets subscribers may log in to the broker with their client id and secret,
 *                           which the gateway exchanges for a token (default true)
 */
@ConfigurationProperties(prefix = "lienthong.oidc")
public record OidcProperties(
        String issuer,
        URI jwksUri,
        URI tokenEndpoint,
        String audience,
        Duration clockSkew,
        Duration keysCacheTtl,
        Duration keysRefreshMinInterval,
        Duration keysTimeout,
        String clientId,
        String clientSecret,
        Boolean brokerClientSecrets) {

    public static final String DEFAULT_AUDIENCE = "lienthong-gateway";

    public OidcProperties {
        issuer = issuer == null || issuer.isBlank() ? null : issuer.strip().replaceAll("/+$", "");
        if (issuer != null) {
            jwksUri = jwksUri == null ? URI.create(issuer + "/protocol/openid-connect/certs") : jwksUri;
            tokenEndpoint = tokenEndpoint == null ? URI.create(issuer + "/protocol/openid-connect/token") : tokenEndpoint;
        }
        audience = audience == null || audience.isBlank() ? DEFAULT_AUDIENCE : audience.strip();
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        keysCacheTtl = keysCacheTtl == null ? Duration.ofMinutes(5) : keysCacheTtl;
        keysRefreshMinInterval = keysRefreshMinInterval == null ? Duration.ofSeconds(15) : keysRefreshMinInterval;
        keysTimeout = keysTimeout == null ? Duration.ofSeconds(3) : keysTimeout;
        clientId = clientId == null || clientId.isBlank() ? DEFAULT_AUDIENCE : clientId.strip();
        clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
        brokerClientSecrets = brokerClientSecrets == null || brokerClientSecrets;
    }

    /** No realm configured. */
    public static OidcProperties none() {
        return new OidcProperties(null, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean enabled() {
        return issuer != null;
    }
}
