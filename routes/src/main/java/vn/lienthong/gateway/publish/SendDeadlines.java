package vn.lienthong.gateway.publish;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Interrupts a broker send that outlives its deadline; never interrupts a thread after its send has
 * finished. One sweeper thread looks at the sends in flight a few times per deadline, instead of a
 * timer task scheduled and cancelled per send: under load that per-send task cost about 4 % of
 * intake's CPU (a contended timer queue holding every cancelled task until it fell due, and a wake-up
 * for each). An expired send is interrupted at most one sweep late.
 */
public final class SendDeadlines implements AutoCloseable {

    private final long timeoutNanos;
    private final Set<Send> inFlight = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("publish-watchdog").daemon(true).factory());

    public SendDeadlines(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        long sweepMillis = Math.max(10, Math.min(250, timeout.toMillis() / 20));
        sweeper.scheduleWithFixedDelay(this::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /** Starts watching the calling thread's send; close the returned handle when the send is over. */
    public Send start() {
        Send send = new Send(Thread.currentThread(), System.nanoTime() + timeoutNanos);
        inFlight.add(send);
        return send;
    }

    void sweep() {
        long now = System.nanoTime();
        for (Send send : inFlight) {
            if (now - send.deadline >= 0) {
                send.expire();
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    /** One send in flight. */
    public final class Send implements AutoCloseable {
        private final Thread thread;
        private final long deadline;
        private boolean finished;
        private volatile boolean expired;

        private Send(Thread thread, long deadline) {
            this.thread = thread;
            this.deadline = deadline;
        }

        /** True when the deadline passed before the send finished (the thread was interrupted). */
        public boolean expired() {
            return expired;
        }

        private synchronized void expire() {
            if (!finished && !expired) {
                expired = true;
                thread.interrupt();
            }
        }

        /** Ends the watch; clears an interrupt this watch caused, so that it does not leak into the thread's next task. */
        @Override
        public void close() {
            inFlight.remove(this);
            synchronized (this) {
                finished = true;
            }
            if (expired) {
                Thread.interrupted();
            }
        }
    }
}
