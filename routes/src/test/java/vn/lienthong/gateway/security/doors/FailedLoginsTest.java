package vn.lienthong.gateway.security.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedLoginsTest {

    final AtomicLong now = new AtomicLong();
    final FailedLogins failures = new FailedLogins(3, Duration.ofSeconds(60), 100, now::get);

    @Test
    void aKeyIsRefusedAfterItsLimitUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            failures.check("subscriber:a", "subscriber");
            failures.failed("subscriber:a");
        }
        assertThat(failures.retryAfter("subscriber:a")).isEqualTo(60);
        assertThatThrownBy(() -> failures.check("subscriber:a", "subscriber"))
                .isInstanceOfSatisfying(FailedLogins.Throttled.class, t -> {
                    assertThat(t.retryAfterSeconds()).isEqualTo(60);
                    assertThat(t.errorCode().code()).isEqualTo("client.rate-limited");
                });
        // other keys are not affected
        assertThat(failures.retryAfter("subscriber:b")).isZero();

        now.addAndGet(Duration.ofSeconds(45).toNanos());
        assertThat(failures.retryAfter("subscriber:a")).isEqualTo(15);
        now.addAndGet(Duration.ofSeconds(15).toNanos());
        assertThat(failures.retryAfter("subscriber:a")).isZero();
    }

    @Test
    void aFloodOfKeysDoesNotGrowWithoutBound() {
        FailedLogins small = new FailedLogins(1, Duration.ofSeconds(60), 10, now::get);
        for (int i = 0; i < 1_000; i++) {
            small.failed("address:10.0.0." + i);
        }
        // the last key is remembered; the map was reset rather than grown
        assertThat(small.retryAfter("address:10.0.0.999")).isPositive();
    }

    @Test
    void noneNeverRefuses() {
        FailedLogins none = FailedLogins.none();
        for (int i = 0; i < 100; i++) {
            none.failed("x");
        }
        assertThat(none.retryAfter("x")).isZero();
    }
}
