package vn.lienthong.gateway.security.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    final AtomicLong nanos = new AtomicLong();
    final RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), 100, nanos::get);

    @Test
    void eachAddressGetsItsOwnAllowancePerPeriod() {
        assertThat(limiter.acquire("10.0.0.1")).isZero();
        assertThat(limiter.acquire("10.0.0.1")).isZero();
        assertThat(limiter.acquire("10.0.0.1")).isZero();
        assertThat(limiter.acquire("10.0.0.1")).as("seconds to wait").isEqualTo(60);
        assertThat(limiter.acquire("10.0.0.2")).isZero();
        nanos.addAndGet(Duration.ofSeconds(45).toNanos());
        assertThat(limiter.acquire("10.0.0.1")).isEqualTo(15);
        nanos.addAndGet(Duration.ofSeconds(15).toNanos());
        assertThat(limiter.acquire("10.0.0.1")).isZero();
    }

    @Test
    void aFloodOfAddressesDoesNotGrowMemoryWithoutBound() {
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire("192.0.2." + i);
        }
        // bounded: at most 100 addresses are remembered, so a new one always gets through
        assertThat(limiter.acquire("198.51.100.1")).isZero();
    }
}
