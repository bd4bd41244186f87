package vn.lienthong.gateway.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copies of the shipped gateway-config with what a test adds (a portal's webhook). */
public final class TestConfigs {

    public static final String WEBHOOK_SECRET = "it-webhook-secret-0123456789abcdef";

    private TestConfigs() {
    }

    /** gateway-config with a webhook for portal-hanoi to {@code url}, its secret in a file beside it. */
    public static Path withPortalWebhook(String url) throws IOException {
        Path dir = Files.createTempDirectory("lienthong-it-config");
        Path shipped = GatewayProcess.configDir();
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
        Path secret = dir.resolve("portal-hanoi.webhook-secret");
        Files.writeString(secret, WEBHOOK_SECRET, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("sources/portal-hanoi.yaml"), "\nwebhook:\n  url: " + url + "\n  secretFile: " + secret + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        return dir;
    }
}
