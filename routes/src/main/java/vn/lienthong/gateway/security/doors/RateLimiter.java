package vn.lienthong.gateway.security.doors;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A fixed-window count per key (a client address, a principal): the tracking lookups per address, and
 * the failed logins per address and per principal ({@link FailedLogins}). Memory is bounded: past
 * {@code maxKeys} keys, expired windows are dropped, and if that is not enough all are (a flood of
 * addresses must not exhaust the heap; it resets the counts instead).
 */
public final class RateLimiter {

    private static final class Window {
        long start;
        int count;
    }

    private final int permits;
    private final long periodNanos;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int permits, Duration period, int maxKeys, LongSupplier nanoTime) {
        this.permits = permits;
        this.periodNanos = period.toNanos();
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
    }

    /** @return 0 when the request may go ahead, else the seconds until the key may try again */
    public long acquire(String key) {
        long now = nanoTime.getAsLong();
        if (windows.size() >= maxKeys && !windows.containsKey(key)) {
            evict(now);
        }
        Window w = windows.computeIfAbsent(key, k -> new Window());
        synchronized (w) {
            if (w.count == 0 || now - w.start >= periodNanos) {
                w.start = now;
                w.count = 0;
            }
            if (w.count < permits) {
                w.count++;
                return 0;
            }
            return secondsLeft(w, now);
        }
    }

    /** @return 0 when the key may go ahead, else the seconds until it may; counts nothing */
    public long waitFor(String key) {
        Window w = windows.get(key);
        if (w == null) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        synchronized (w) {
            if (now - w.start >= periodNanos || w.count < permits) {
                return 0;
            }
            return secondsLeft(w, now);
        }
    }

    private long secondsLeft(Window w, long now) {
        return Math.max(1, (w.start + periodNanos - now + 999_999_999L) / 1_000_000_000L);
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
}
