package vn.lienthong.gateway.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Installs the bound on a stop's duration ({@link ProcessExit}) when the gateway starts. */
@Configuration(proxyBeanMethods = false)
public class ShutdownSetup {

    /**
     * {@code lienthong.shutdown.*}.
     *
     * @param deadline how long a stop (SIGTERM, or an exit after a broker failure) may take before the
     *                 JVM is halted (default 30s; in-flight requests are answered within the send timeout)
     */
    @ConfigurationProperties(prefix = "lienthong.shutdown")
    public record ShutdownProperties(Duration deadline) {
        public ShutdownProperties {
            deadline = deadline == null ? Duration.ofSeconds(30) : deadline;
        }
    }

    public ShutdownSetup(ShutdownProperties properties) {
        ProcessExit.installDeadline(properties.deadline());
    }
}
