package vn.lienthong.gateway.deliver;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one case to a case system until it is delivered or must be dead-lettered, holding it (and
 * so, for ordered delivery, the queue behind it) meanwhile:
 * <ul>
 * <li>while the circuit breaker is open nothing is called and nothing is counted: the case waits;</li>
 * <li>a real failure (an error answer or a timeout) counts; after {@code maxAttempts} of them the case
 * is dead-lettered; an unreachable case system costs no attempt (the breaker opens instead);</li>
 * <li>a permanent fault dead-letters at once;</li>
 * <li>between calls it waits with exponential back-off.</li>
 * </ul>
 * Plain Java: the Camel route around it supplies the transaction.
 */
public final class CaseDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(CaseDelivery.class);
    private static final long POLL_MILLIS = 200;

    private final String subscriberId;
    private final CaseClient client;
    private final CircuitBreaker breaker;
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final BooleanSupplier stopping;

    /** The outcome for one case. */
    public record Outcome(boolean delivered, String reason, boolean permanent, AttemptHistory history) {
    }

    /** The gateway is stopping: the case goes back to its queue untouched. */
    public static final class StoppedException extends RuntimeException {
        StoppedException() {
            super("delivery stopped; the case stays on its queue");
        }
    }

    public CaseDelivery(String subscriberId, CaseClient client, CircuitBreaker breaker, DeliveryPolicy policy, Clock clock,
            BooleanSupplier stopping) {
        this.subscriberId = subscriberId;
        this.client = client;
        this.breaker = breaker;
        this.policy = policy;
        this.clock = clock;
        this.stopping = stopping;
    }

    public Outcome deliver(CaseMessage message) {
        AttemptHistory history = new AttemptHistory();
        int consecutive = 0;
        while (true) {
            awaitPermission();
            long start = System.nanoTime();
            CallResult result;
            try {
                result = client.send(message);
            } catch (RuntimeException e) {
                result = CallFailures.ofException(e);
            }
            long nanos = System.nanoTime() - start;
            if (result.isFailure()) {
                breaker.onError(nanos, TimeUnit.NANOSECONDS, new CaseSystemFailure(result.detail()));
            } else {
                breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            }
            history.add(new AttemptHistory.Attempt(clock.instant(), result.kind(), result.detail(), nanos / 1_000_000));
            switch (result.kind()) {
                case DELIVERED -> {
                    return new Outcome(true, null, false, history);
                }
                case PERMANENT -> {
                    return new Outcome(false, "permanent fault: " + result.detail(), true, history);
                }
                case TRANSIENT -> {
                    if (history.failures() >= policy.maxAttempts()) {
                        return new Outcome(false, history.failures() + " failed attempts; last: " + result.detail(), false, history);
                    }
                }
                case UNREACHABLE -> {
                    // not the case's fault: it waits for the case system
                }
            }
            consecutive++;
            Duration wait = policy.backoff(consecutive);
            LOG.debug("{}: {} for {}, next attempt in {} ms", subscriberId, result.detail(), message.trackingCode(), wait.toMillis());
            pause(wait.toMillis());
        }
    }

    private void awaitPermission() {
        while (!breaker.tryAcquirePermission()) {
            pause(POLL_MILLIS);
        }
        if (stopping.getAsBoolean()) {
            breaker.releasePermission();
            throw new StoppedException();
        }
    }

    private void pause(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            if (stopping.getAsBoolean()) {
                throw new StoppedException();
            }
            long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(left, POLL_MILLIS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoppedException();
            }
        }
    }

    /** What the breaker records for a failed call (no stack trace: it is not an error of the gateway). */
    static final class CaseSystemFailure extends RuntimeException {
        CaseSystemFailure(String detail) {
            super(detail, null, false, false);
        }
    }
}
