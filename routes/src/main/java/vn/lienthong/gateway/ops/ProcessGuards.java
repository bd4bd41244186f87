package vn.lienthong.gateway.ops;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Runs when the gateway's settings are known and nothing has started yet (no broker, no HTTP
 * server): arms the stop deadline ({@link ProcessExit}) and takes the {@link DataDirectoryLock}. A second
 * gateway on a data directory in use prints why and exits with status 1.
 */
public final class ProcessGuards implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    public static final Duration DEFAULT_SHUTDOWN_DEADLINE = Duration.ofSeconds(30);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        String deadline = env.getProperty("lienthong.shutdown.deadline");
        ProcessExit.installDeadline(deadline == null || deadline.isBlank() ? DEFAULT_SHUTDOWN_DEADLINE : DurationStyle.detectAndParse(deadline));
        Path dataDir = Path.of(env.getProperty("lienthong.data-dir", "data"));
        try {
            DataDirectoryLock.acquire(dataDir);
        } catch (DataDirectoryLock.InUseException e) {
            System.err.println("lienthong-gateway: " + e.getMessage());
            System.err.flush();
            System.exit(1);
        } catch (java.io.IOException e) {
            System.err.println("lienthong-gateway: cannot use data directory " + dataDir.toAbsolutePath() + ": " + e);
            System.err.flush();
            System.exit(1);
        }
    }
}
