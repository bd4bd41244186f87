package vn.lienthong.gateway.security.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    final AtomicLong now = new AtomicLong();

    @Test
    void rememberedForItsTtlAndOnlyForTheSameHash() {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(10), 100, now::get);
        verified.remember("inspectorate", "secret", "pbkdf2-sha256$1$a$b");
        assertThat(verified.known("inspectorate", "secret", "pbkdf2-sha256$1$a$b")).isTrue();
        assertThat(verified.known("inspectorate", "Secret", "pbkdf2-sha256$1$a$b")).isFalse();
        assertThat(verified.known("other", "secret", "pbkdf2-sha256$1$a$b")).isFalse();
        // a new password hash in the YAML: the old password is not taken on trust
        assertThat(verified.known("inspectorate", "secret", "pbkdf2-sha256$1$c$d")).isFalse();
        now.addAndGet(Duration.ofMinutes(10).toNanos());
        assertThat(verified.known("inspectorate", "secret", "pbkdf2-sha256$1$a$b")).isFalse();
    }

    @Test
    void boundedInSize() {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(10), 10, now::get);
        for (int i = 0; i < 100; i++) {
            verified.remember("p" + i, "s", "h");
        }
        assertThat(verified.known("p99", "s", "h")).isTrue();
        assertThat(verified.known("p0", "s", "h")).isFalse();
    }
}
