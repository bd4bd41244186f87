package vn.lienthong.gateway.intake.sms;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages per phone number in a fixed window: the first {@code limit} pass, the next one earns one
 * polite reply, everything after it is silence until the window ends. A number's state is one small
 * object touched only by that number's messages, so a flood from one number never waits on others.
 * <p>
 * The count lives in this gateway's memory: behind a load balancer each instance counts for itself,
 * and a restart forgets; both only ever let a few more messages through.
 */
public final class RateLimiter {

    public enum Decision { ALLOW, LIMIT_NOTIFY, LIMIT_SILENT }

    private static final int SWEEP_EVERY = 10_000;

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();

    private static final class Window {
        long start;
        int count;
        /** The messages counted in this window and what they were told: at most limit + 1 of them. */
        final java.util.Map<String, Decision> counted = new java.util.HashMap<>();
    }

    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** One more message from {@code number}. */
    public Decision admit(String number) {
        return admit(number, null);
    }

    /**
     * @param messageKey the message's idempotency key: a message seen before in this window (a retry)
     *                   is not counted again and gets its first decision (silence after the notice)
     */
    public Decision admit(String number, String messageKey) {
        long now = clock.millis();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            windows.values().removeIf(w -> now - w.start >= windowMillis);
        }
        Window window = windows.computeIfAbsent(number, k -> new Window());
        synchronized (window) {
            if (window.count == 0 || now - window.start >= windowMillis) {
                window.start = now;
                window.count = 0;
                window.counted.clear();
            }
            Decision before = messageKey == null ? null : window.counted.get(messageKey);
            if (before != null) {
                return before == Decision.LIMIT_NOTIFY ? Decision.LIMIT_SILENT : before;
            }
            window.count++;
            Decision decision = window.count <= limit ? Decision.ALLOW
                    : window.count == limit + 1 ? Decision.LIMIT_NOTIFY : Decision.LIMIT_SILENT;
            if (messageKey != null && decision != Decision.LIMIT_SILENT) {
                window.counted.put(messageKey, decision);
            }
            return decision;
        }
    }
}
