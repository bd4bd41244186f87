package vn.lienthong.gateway.intake;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;

/**
 * The record ids this process is accepting right now. A request for an id another thread is
 * accepting waits for that thread's outcome instead of publishing a second copy: the broker's
 * duplicate-id check does not stop two transactions that are both still open (an id enters its cache
 * only when its transaction commits), so two concurrent sends of one id would both be stored.
 * <p>
 * This is the claim that holds without a message log; with one, {@link IntakeLog#claim} adds the
 * claim that holds across gateway instances, and this one spares the database the waits of a
 * single instance's duplicates.
 */
final class InFlightRecords {

    private final ConcurrentHashMap<String, CompletableFuture<IntakeResult>> inFlight = new ConcurrentHashMap<>();
    private final Duration maxWait;

    /** @param maxWait longest a duplicate waits for the request ahead of it (whose send has its own timeout) */
    InFlightRecords(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /**
     * Runs {@code accept} unless another thread is accepting the same id; then waits for it: when it
     * succeeded, the answer is {@code ALREADY_ACCEPTED}; when it failed, this request tries itself.
     */
    IntakeResult accept(String id, String trackingCode, Supplier<IntakeResult> accept) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            CompletableFuture<IntakeResult> mine = new CompletableFuture<>();
            CompletableFuture<IntakeResult> ahead = inFlight.putIfAbsent(id, mine);
            if (ahead == null) {
                try {
                    IntakeResult result = accept.get();
                    mine.complete(result);
                    return result;
                } catch (RuntimeException | Error e) {
                    mine.completeExceptionally(e);
                    throw e;
                } finally {
                    inFlight.remove(id, mine);
                }
            }
            try {
                ahead.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                return new IntakeResult(id, trackingCode, IntakeResult.ALREADY_ACCEPTED);
            } catch (ExecutionException e) {
                // the request ahead did not get the record on the broker: this one tries
            } catch (TimeoutException e) {
                throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE,
                        "the same record is still being accepted by an earlier request; retry later", List.of(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "interrupted while waiting for an earlier request", List.of(), e);
            }
        }
    }

    /** Ids being accepted now (tests). */
    int size() {
        return inFlight.size();
    }
}
