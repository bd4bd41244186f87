package vn.lienthong.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param controlPort  port of the control API ({@code /sim/...}); stays open in every mode
 * @param clientId     the OAuth2 client the REST API accepts
 * @param clientSecret its secret
 * @param tokenSeconds lifetime of an access token
 * @param oauth2       when its issuer is set, the REST API takes that realm's JWTs (checked with its
 *                     JWKS) instead of the tokens of its own {@code /oauth2/token}
 */
@ConfigurationProperties(prefix = "simulator")
public record SimulatorProperties(int controlPort, String clientId, String clientSecret, int tokenSeconds, OAuth2 oauth2) {
    public SimulatorProperties {
        controlPort = controlPort == 0 ? 8088 : controlPort;
        clientId = clientId == null ? "lienthong-gateway" : clientId;
        clientSecret = clientSecret == null ? "demo-inspectorate-client-secret" : clientSecret;
        tokenSeconds = tokenSeconds == 0 ? 300 : tokenSeconds;
        oauth2 = oauth2 == null ? new OAuth2(null, null, null) : oauth2;
    }

    /**
     * @param issuer   the realm's issuer ({@code iss}), e.g. http://127.0.0.1:8180/realms/lienthong
     * @param jwksUri  its keys (default {@code <issuer>/protocol/openid-connect/certs})
     * @param audience what {@code aud} must contain (default: not checked)
     */
    public record OAuth2(String issuer, String jwksUri, String audience) {
    }
}
