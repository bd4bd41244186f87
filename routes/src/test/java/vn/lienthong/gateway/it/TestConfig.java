package vn.lienthong.gateway.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import vn.lienthong.gateway.security.Passwords;

/**
 * A copy of the project's gateway-config with files a test adds (a source, a subscriber), so tests
 * can use inputs and filters the demo configuration does not have without changing it.
 */
public final class TestConfig {

    private final Path dir;

    private TestConfig(Path dir) {
        this.dir = dir;
    }

    public static TestConfig copyOfShipped() throws IOException {
        Path target = Files.createTempDirectory("lienthong-it-config");
        Path shipped = GatewayProcess.configDir();
        try (Stream<Path> files = Files.walk(shipped)) {
            files.forEach(source -> {
                try {
                    Path to = target.resolve(shipped.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(source, to);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return new TestConfig(target);
    }

    public TestConfig with(String relativePath, String content) throws IOException {
        Path file = dir.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return this;
    }

    /**
     * A subscriber that takes every complaint (and dossier) on its own queue, password
     * {@code demo-<id>-secret} as {@link Feeds#connect(GatewayProcess, String)} expects.
     */
    public TestConfig withEverythingSubscriber(String id) throws IOException {
        return with("subscribers/" + id + ".yaml", """
                id: %s
                name: test subscriber taking everything
                subscriptions:
                  complaints: {}
                  service-records: {}
                broker:
                  passwordHash: "%s"
                delivery:
                  type: queue
                """.formatted(id, Passwords.hash("demo-" + id + "-secret")));
    }

    public Path dir() {
        return dir;
    }
}
