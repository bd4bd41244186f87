package vn.lienthong.gateway.deliver;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Gateway-wide defaults of push delivery ({@code lienthong.delivery.*}); a subscriber's YAML may set
 * its own under {@code delivery:}.
 *
 * @param timeout        connect + answer timeout of one call
 * @param retry          back-off and attempts
 * @param circuitBreaker when to stop calling a failing case system
 */
@ConfigurationProperties(prefix = "lienthong.delivery")
public record DeliveryProperties(Duration timeout, Retry retry, CircuitBreaker circuitBreaker) {

    public DeliveryProperties {
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        retry = retry == null ? new Retry(0, null, 0, null) : retry;
        circuitBreaker = circuitBreaker == null ? new CircuitBreaker(0, 0, null, null) : circuitBreaker;
    }

    public static DeliveryProperties defaults() {
        return new DeliveryProperties(null, null, null);
    }

    /**
     * @param maxAttempts    real failures after which a case is dead-lettered (default 8)
     * @param initialBackoff wait after the first failure (default 1s)
     * @param multiplier     growth of the wait (default 2)
     * @param maxBackoff     longest wait (default 5m)
     */
    public record Retry(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {
        public Retry {
            maxAttempts = maxAttempts == 0 ? 8 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
            multiplier = multiplier == 0 ? 2.0 : multiplier;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
        }
    }

    /**
     * @param failureRateThreshold percentage of failed calls (of the last calls, at least minimumCalls) that opens it (default 50)
     * @param minimumCalls         calls before the rate counts (default 5)
     * @param openWait             wait before one trial call (default 30s)
     * @param maxOpenWait          the wait doubles after each failed trial, up to this (default 1m)
     */
    public record CircuitBreaker(int failureRateThreshold, int minimumCalls, Duration openWait, Duration maxOpenWait) {
        public CircuitBreaker {
            failureRateThreshold = failureRateThreshold == 0 ? 50 : failureRateThreshold;
            minimumCalls = minimumCalls == 0 ? 5 : minimumCalls;
            openWait = openWait == null ? Duration.ofSeconds(30) : openWait;
            maxOpenWait = maxOpenWait == null ? Duration.ofMinutes(1) : maxOpenWait;
        }
    }
}
