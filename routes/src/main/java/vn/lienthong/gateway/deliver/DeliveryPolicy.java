package vn.lienthong.gateway.deliver;

import java.time.Duration;
import vn.lienthong.gateway.config.SubscriberDefinition;

/**
 * The effective delivery settings of one subscriber: its YAML where set, the gateway defaults
 * elsewhere.
 */
public record DeliveryPolicy(
        boolean ordered,
        int concurrency,
        Duration timeout,
        int maxAttempts,
        Duration initialBackoff,
        double multiplier,
        Duration maxBackoff,
        int failureRateThreshold,
        int minimumCalls,
        Duration openWait,
        Duration maxOpenWait) {

    public static DeliveryPolicy of(SubscriberDefinition.Delivery delivery, DeliveryProperties defaults) {
        SubscriberDefinition.Retry retry = delivery.retry();
        SubscriberDefinition.CircuitBreaker breaker = delivery.circuitBreaker();
        boolean ordered = Boolean.TRUE.equals(delivery.ordered());
        return new DeliveryPolicy(
                ordered,
                ordered ? 1 : delivery.concurrency() == null ? 1 : delivery.concurrency(),
                or(delivery.timeout(), defaults.timeout()),
                retry.maxAttempts() == null ? defaults.retry().maxAttempts() : retry.maxAttempts(),
                or(retry.initialBackoff(), defaults.retry().initialBackoff()),
                retry.multiplier() == null ? defaults.retry().multiplier() : retry.multiplier(),
                or(retry.maxBackoff(), defaults.retry().maxBackoff()),
                breaker.failureRateThreshold() == null ? defaults.circuitBreaker().failureRateThreshold() : breaker.failureRateThreshold(),
                breaker.minimumCalls() == null ? defaults.circuitBreaker().minimumCalls() : breaker.minimumCalls(),
                or(breaker.openWait(), defaults.circuitBreaker().openWait()),
                or(breaker.maxOpenWait(), defaults.circuitBreaker().maxOpenWait()));
    }

    /** The wait after the n-th consecutive failed call (n ≥ 1). */
    public Duration backoff(int consecutiveFailures) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, consecutiveFailures - 1));
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }

    private static Duration or(String value, Duration fallback) {
        return value == null ? fallback : org.springframework.boot.convert.DurationStyle.detectAndParse(value.strip());
    }
}
