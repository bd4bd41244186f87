package vn.lienthong.gateway.security.doors;

import java.time.Duration;
import java.util.function.LongSupplier;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;

/**
 * Failed logins counted per key (a client address, or a principal: a subscriber or source id) in a
 * fixed window; a key with {@code limit} failures in the window is refused until the window ends,
 * before its credentials are checked. A password check costs ~200 ms of CPU on purpose (PBKDF2), so
 * without this 16 concurrent bad logins took both cores. Good credentials are remembered by the
 * doors ({@link VerifiedCredentials}), so a throttled principal's own client, once verified, is not
 * locked out by someone guessing its password. The counting is {@link RateLimiter}'s, memory bound included.
 */
public final class FailedLogins {

    private final int limit;
    private final RateLimiter failures;

    public FailedLogins(int limit, Duration period, int maxKeys, LongSupplier nanoTime) {
        this.limit = limit;
        this.failures = new RateLimiter(limit, period, maxKeys, nanoTime);
    }

    /** Never refuses: for tests and tools that check credentials outside a door. */
    public static FailedLogins none() {
        return new FailedLogins(Integer.MAX_VALUE, Duration.ofSeconds(1), 1, System::nanoTime);
    }

    /** @return 0 when the key may try, else the seconds until it may */
    public long retryAfter(String key) {
        return key == null ? 0 : failures.waitFor(key);
    }

    /** Refuses with 429 ({@code client.rate-limited}) a key that failed too often. */
    public void check(String key, String what) {
        long wait = retryAfter(key);
        if (wait > 0) {
            throw new Throttled("too many failed logins for this " + what + "; try again in " + wait + " s", wait);
        }
    }

    /** Counts a failure (a key already at its limit stays refused until its window ends). */
    public void failed(String key) {
        if (key == null || limit == Integer.MAX_VALUE) {
            return;
        }
        failures.acquire(key);
    }

    /** 429 {@code client.rate-limited}, with the seconds a door puts in {@code Retry-After}. */
    public static final class Throttled extends GatewayException {

        private final long retryAfterSeconds;

        public Throttled(String detail, long retryAfterSeconds) {
            super(ErrorCode.RATE_LIMITED, detail);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
