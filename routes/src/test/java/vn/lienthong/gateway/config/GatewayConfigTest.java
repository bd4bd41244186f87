package vn.lienthong.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigTest {

    static final Path SHIPPED = Path.of("../gateway-config");

    @Test
    void shippedConfigurationLoads() {
        GatewayConfig config = GatewayConfig.load(SHIPPED, false);
        assertThat(config.sources()).containsKeys("portal-hanoi", "dvc-province");
        assertThat(config.subscribers()).containsKeys("inspectorate", "province-25");
    }

    @Test
    void productionRefusesTheDemoCredentials() {
        assertThatThrownBy(() -> GatewayConfig.load(SHIPPED, true))
                .isInstanceOf(GatewayConfigException.class)
                .hasMessageContaining("refuses the demo API key of portal-hanoi")
                .hasMessageContaining("refuses the demo API key of dvc-province")
                .hasMessageContaining("refuses the demo broker password of inspectorate");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sources"));
        Files.createDirectories(dir.resolve("subscribers"));
        Files.writeString(dir.resolve("sources/portal-a.yaml"), """
                id: portal-b
                records:
                  complaint:
                    mapping: missing.jslt
                auth:
                  apiKeySha256: [not-a-hash]
                """);
        Files.writeString(dir.resolve("sources/portal-c.yaml"), """
                id: portal-c
                channnel: PORTAL_REST
                """);
        Files.writeString(dir.resolve("subscribers/sub-a.yaml"), """
                id: sub-a
                subscriptions:
                  complaints:
                    match:
                      provinceCod: ["25"]
                  letters: {}
                """);
        assertThatThrownBy(() -> GatewayConfig.load(dir, false))
                .isInstanceOf(GatewayConfigException.class)
                .satisfies(e -> assertThat(((GatewayConfigException) e).problems()).hasSize(6))
                .hasMessageContaining("portal-a.yaml: id 'portal-b' differs from the file name 'portal-a'")
                .hasMessageContaining("no file mappings/missing.jslt")
                .hasMessageContaining("apiKeySha256 entries must be 64 hex digits")
                .hasMessageContaining("portal-c.yaml: unknown setting 'channnel' (known here: [auth, channel")
                .hasMessageContaining("unknown property 'provinceCod'")
                .hasMessageContaining("subscriptions.letters: unknown feed");
    }

    @Test
    void mqttIsOnlyForASubscriberThatReadsItsOwnQueues(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sources"));
        Files.createDirectories(dir.resolve("subscribers"));
        Files.writeString(dir.resolve("subscribers/case-system.yaml"), """
                id: case-system
                subscriptions:
                  complaints:
                    match:
                      kind: [DENUNCIATION]
                broker:
                  mqtt: true
                delivery:
                  type: rest
                  endpoint: http://127.0.0.1:9/api/v1/cases
                """);
        assertThatThrownBy(() -> GatewayConfig.load(dir, false))
                .isInstanceOf(GatewayConfigException.class)
                .hasMessageContaining("case-system.yaml: broker.mqtt is for a subscriber that pulls its queues itself");
    }

    @Test
    void aMissingDirectoryIsNamed() {
        assertThatThrownBy(() -> GatewayConfig.load(Path.of("no-such-dir"), false))
                .hasMessageContaining("no-such-dir does not exist");
    }
}
