package vn.lienthong.gateway.intake;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * The keys (record ids, SMS message keys) this process is handling right now. A request for a key
 * another thread is handling waits for that thread's outcome instead of doing the work a second time:
 * the broker's duplicate-id check does not stop two transactions that are both still open (an id
 * enters its cache only when its transaction commits), so two concurrent sends of one id would both
 * be stored, and the SMS gateway sends every reply it is given.
 * <p>
 * For records this is the claim that holds without a message log; with one, {@link IntakeLog#claim}
 * adds the claim that holds across gateway instances, and this one spares the database the waits of
 * a single instance's duplicates.
 *
 * @param <R> the outcome of handling a key
 */
public final class InFlight<R> {

    /** The work for one key; it may throw the caller's own checked exception. */
    @FunctionalInterface
    public interface Work<R, E extends Exception> {
        R run() throws E;
    }

    /** The request ahead was still handling the key when the wait ended (or the wait was interrupted). */
    public static final class StillInFlight extends RuntimeException {
        StillInFlight(Exception cause) {
            super("the same key is still being handled by an earlier request", cause);
        }
    }

    private final ConcurrentHashMap<String, CompletableFuture<R>> inFlight = new ConcurrentHashMap<>();
    private final Duration maxWait;

    /** @param maxWait longest a request waits for the one ahead of it (whose work has its own timeouts) */
    public InFlight(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /**
     * Runs {@code work} unless another thread is handling the same key; then waits for it: when it
     * succeeded, the answer is {@code seenLater} of its outcome; when it failed, this request tries
     * itself.
     *
     * @throws StillInFlight when the request ahead did not finish within the wait
     */
    public <E extends Exception> R once(String key, Work<R, E> work, UnaryOperator<R> seenLater) throws E {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            CompletableFuture<R> mine = new CompletableFuture<>();
            CompletableFuture<R> ahead = inFlight.putIfAbsent(key, mine);
            if (ahead == null) {
                try {
                    R result = work.run();
                    mine.complete(result);
                    return result;
                } catch (Exception | Error e) {
                    mine.completeExceptionally(e);
                    throw e;
                } finally {
                    inFlight.remove(key, mine);
                }
            }
            try {
                return seenLater.apply(ahead.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException e) {
                // the request ahead did not get its work done: this one tries
            } catch (TimeoutException e) {
                throw new StillInFlight(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StillInFlight(e);
            }
        }
    }

    /** Keys being handled now (tests). */
    int size() {
        return inFlight.size();
    }
}
