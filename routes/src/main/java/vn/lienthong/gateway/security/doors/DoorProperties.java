package vn.lienthong.gateway.security.doors;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What every HTTP and SOAP door enforces before a route runs ({@code lienthong.doors.*}).
 *
 * @param failedLogins how many refused logins a client address, or a principal (a subscriber or
 *                     source id), may have in {@code period} before it is answered 429
 */
@ConfigurationProperties(prefix = "lienthong.doors")
public record DoorProperties(FailedLoginLimits failedLogins) {

    public DoorProperties {
        failedLogins = failedLogins == null ? new FailedLoginLimits(0, 0, null, 0) : failedLogins;
    }

    /**
     * @param perAddress   refused logins per client address and period (default 20)
     * @param perPrincipal failed password checks per principal and period (default 10)
     * @param period       the window (default 1 minute)
     * @param maxKeys      addresses and principals remembered at most (default 100,000)
     */
    public record FailedLoginLimits(int perAddress, int perPrincipal, Duration period, int maxKeys) {
        public FailedLoginLimits {
            perAddress = perAddress <= 0 ? 20 : perAddress;
            perPrincipal = perPrincipal <= 0 ? 10 : perPrincipal;
            period = period == null ? Duration.ofMinutes(1) : period;
            maxKeys = maxKeys <= 0 ? 100_000 : maxKeys;
        }
    }
}
