package vn.lienthong.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param controlPort  port of the control API ({@code /sim/...}); stays open in every mode
 * @param clientId     the OAuth2 client the REST API accepts
 * @param clientSecret its secret
 * @param tokenSeconds lifetime of an access token
 */
@ConfigurationProperties(prefix = "simulator")
public record SimulatorProperties(int controlPort, String clientId, String clientSecret, int tokenSeconds) {
    public SimulatorProperties {
        controlPort = controlPort == 0 ? 8088 : controlPort;
        clientId = clientId == null ? "lienthong-gateway" : clientId;
        clientSecret = clientSecret == null ? "demo-inspectorate-client-secret" : clientSecret;
        tokenSeconds = tokenSeconds == 0 ? 300 : tokenSeconds;
    }
}
