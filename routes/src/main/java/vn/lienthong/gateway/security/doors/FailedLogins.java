package vn.lienthong.gateway.security.doors;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;

/**
 * Failed logins counted per key (a client address, or a principal: a subscriber or source id) in a
 * fixed window; a key with {@code limit} failures in the window is refused until the window ends,
 * before its credentials are checked. A password check costs ~200 ms of CPU on purpose (PBKDF2), so
 * without this 16 concurrent bad logins took both cores. Good credentials are remembered by the
 * doors ({@link VerifiedCredentials}), so a throttled principal's own client, once verified, is not
 * locked out by someone guessing its password. Memory is bounded like the tracking limiter's.
 */
public final class FailedLogins {

    private static final class Window {
        long start;
        int failures;
    }

    private final int limit;
    private final long periodNanos;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public FailedLogins(int limit, Duration period, int maxKeys, LongSupplier nanoTime) {
        this.limit = limit;
        this.periodNanos = period.toNanos();
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
    }

    /** Never refuses: for tests and tools that check credentials outside a door. */
    public static FailedLogins none() {
        return new FailedLogins(Integer.MAX_VALUE, Duration.ofSeconds(1), 1, System::nanoTime);
    }

    /** @return 0 when the key may try, else the seconds until it may */
    public long retryAfter(String key) {
        Window w = key == null ? null : windows.get(key);
        if (w == null) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        synchronized (w) {
            if (now - w.start >= periodNanos || w.failures < limit) {
                return 0;
            }
            return Math.max(1, (w.start + periodNanos - now + 999_999_999L) / 1_000_000_000L);
        }
    }

    /** Refuses with 429 ({@code client.rate-limited}) a key that failed too often. */
    public void check(String key, String what) {
        long wait = retryAfter(key);
        if (wait > 0) {
            throw new Throttled("too many failed logins for this " + what + "; try again in " + wait + " s", wait);
        }
    }

    public void failed(String key) {
        if (key == null || limit == Integer.MAX_VALUE) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (windows.size() >= maxKeys && !windows.containsKey(key)) {
            evict(now);
        }
        Window w = windows.computeIfAbsent(key, k -> new Window());
        synchronized (w) {
            if (w.failures == 0 || now - w.start >= periodNanos) {
                w.start = now;
                w.failures = 0;
            }
            w.failures++;
        }
    }

    private void evict(long now) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            Window w = it.next();
            synchronized (w) {
                if (now - w.start >= periodNanos) {
                    it.remove();
                }
            }
        }
        if (windows.size() >= maxKeys) {
            windows.clear();
        }
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
