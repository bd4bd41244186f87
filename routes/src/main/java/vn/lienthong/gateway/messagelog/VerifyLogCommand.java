package vn.lienthong.gateway.messagelog;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar lienthong-gateway.jar verify-log [--lienthong.data-dir=…] [--spring.profiles.active=prod]}:
 * walks the message log and names the first entry that does not match. Reads the same settings as
 * the gateway (application.yaml, profiles, environment) but starts neither the broker nor the HTTP
 * server. Exit status 0: intact; 3: a mismatch; 1: the log could not be read.
 */
public final class VerifyLogCommand {

    /** Settings only: no component scan, no auto-configuration. */
    @Configuration(proxyBeanMethods = false)
    static class SettingsOnly {
    }

    private VerifyLogCommand() {
    }

    /** A line on stderr at most every 5 s: entries checked so far and the rate. */
    static java.util.function.LongConsumer progress(PrintStream err) {
        long started = System.nanoTime();
        long[] lastPrinted = {started};
        return entries -> {
            long now = System.nanoTime();
            if (now - lastPrinted[0] >= 5_000_000_000L) {
                lastPrinted[0] = now;
                double seconds = (now - started) / 1e9;
                err.printf("  %,d entries checked (%,.0f/s)%n", entries, entries / seconds);
            }
        };
    }

    public static int run(String[] args) {
        String[] springArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("logging.level.root=WARN", "logging.level.com.zaxxer.hikari=ERROR")
                .run(springArgs)) {
            return verify(context.getEnvironment(), System.out, System.err);
        }
    }

    static int verify(Environment env, PrintStream out, PrintStream err) {
        String url = env.getProperty("spring.datasource.url");
        Path dataDir = Path.of(env.getProperty("lienthong.data-dir", "data"));
        String where = Database.isEmbeddedUrl(url) && (url == null || url.isBlank())
                ? "embedded database under " + dataDir.toAbsolutePath().normalize().resolve(Database.EMBEDDED_DIR) : url;
        try (HikariDataSource ds = Database.open(url, env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password"), dataDir, true);
                Connection c = ds.getConnection()) {
            err.println("verifying the message log (" + where + ")…");
            ChainVerifier.Result result = ChainVerifier.verify(c, progress(err));
            out.printf("message log (%s): %d entries, %d payloads checked, %d purged by retention%n", where, result.entries(),
                    result.payloadsChecked(), result.payloadsPurged());
            out.printf("head: entry %d, hash %s%n", result.headSeq(), result.headHash());
            if (result.intact()) {
                out.println("OK: every entry matches its content, its predecessor and its payloads");
                return 0;
            }
            out.println("MISMATCH at " + result.mismatch().get());
            return 3;
        } catch (SQLException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("already in use")) {
                err.println("the embedded message log is open in a running gateway: stop it first, or use "
                        + "GET /api/v1/admin/message-log/verification");
            } else {
                err.println("cannot read the message log (" + where + "): " + message);
            }
            return 1;
        }
    }
}
