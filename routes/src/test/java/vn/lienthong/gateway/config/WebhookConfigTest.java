package vn.lienthong.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A portal's webhook in its YAML: an absolute URL, a secret from a file or the environment, https in production. */
class WebhookConfigTest {

    static Path configWith(String webhookYaml) throws Exception {
        Path dir = Files.createTempDirectory("lienthong-webhook-config");
        Path shipped = Path.of("../gateway-config");
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = dir.resolve(shipped.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Files.writeString(dir.resolve("sources/portal-hanoi.yaml"), webhookYaml, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        return dir;
    }

    @Test
    void aWebhookWithASecretFileIsRead() throws Exception {
        Path secret = Files.createTempFile("secret", ".txt");
        Files.writeString(secret, "s3cret-s3cret-s3cret\n");
        GatewayConfig config = GatewayConfig.load(configWith("\nwebhook:\n  url: http://127.0.0.1:9/status\n  secretFile: " + secret + "\n"), false);
        SourceDefinition.Webhook webhook = config.source("portal-hanoi").orElseThrow().webhook();
        assertThat(webhook.url()).isEqualTo("http://127.0.0.1:9/status");
        assertThat(webhook.secret()).isEqualTo("s3cret-s3cret-s3cret");
    }

    @Test
    void everyProblemIsNamed() throws Exception {
        Path dir = configWith("\nwebhook:\n  url: portal.example.vn/status\n  secretFile: /nonexistent/secret\n");
        assertThatThrownBy(() -> GatewayConfig.load(dir, false)).isInstanceOfSatisfying(GatewayConfigException.class, e ->
                assertThat(e.getMessage()).contains("webhook.url must be an absolute http(s) URL")
                        .contains("webhook secret is empty or missing (file /nonexistent/secret)"));
        Path both = configWith("\nwebhook:\n  url: https://portal.example.vn/status\n  secretFile: /a\n  secretEnv: B\n");
        assertThatThrownBy(() -> GatewayConfig.load(both, false)).hasMessageContaining("exactly one of secretFile and secretEnv");
    }

    @Test
    void productionWantsHttps() throws Exception {
        Path secret = Files.createTempFile("secret", ".txt");
        Files.writeString(secret, "s3cret-s3cret-s3cret");
        Path dir = configWith("\nwebhook:\n  url: http://portal.example.vn/status\n  secretFile: " + secret + "\n");
        assertThatThrownBy(() -> GatewayConfig.load(dir, true)).hasMessageContaining("webhook.url must use https in production");
    }
}
