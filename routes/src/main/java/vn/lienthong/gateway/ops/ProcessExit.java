package vn.lienthong.gateway.ops;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the gateway process ends when it cannot go on, and a bound on how long any stop may take.
 * <p>
 * A broker that stopped on a critical I/O error does not come back inside the process: the gateway
 * exits with {@link #BROKER_FAILED} so that its supervisor (systemd {@code Restart=on-failure}, a
 * container's restart policy) starts it again, which recovers the journal once there is room.
 * <p>
 * Once a stop has begun (SIGTERM, SIGINT, or the exit above), the JVM is halted after the deadline
 * ({@code lienthong.shutdown.deadline}) whatever still waits: a client waiting for a broker that will
 * not answer must not keep the process alive, nor may Spring's own hook, which waits while the context
 * is still starting (a gateway whose start hung on the broker's journal lock could only be killed).
 * It is installed before anything starts ({@link ProcessGuards}). Records answered 202 are already on disk (the journal
 * syncs before the answer), so halting loses nothing that was acknowledged.
 */
public final class ProcessExit {

    /** sysexits' EX_IOERR: the broker stopped on a critical I/O error (e.g. no space left on the device). */
    public static final int BROKER_FAILED = 74;

    /** The status of a halt after SIGTERM, as if the signal had ended the process (128 + 15). */
    static final int TERMINATED = 143;

    private static final Logger LOG = LoggerFactory.getLogger(ProcessExit.class);
    private static volatile int requested = TERMINATED;
    private static boolean installed;

    private ProcessExit() {
    }

    /** Once shutdown begins, the JVM halts after {@code deadline} if it has not exited by then. */
    public static synchronized void installDeadline(Duration deadline) {
        if (installed) {
            return;
        }
        installed = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Thread.ofPlatform().name("shutdown-deadline").daemon(true).start(() -> {
            try {
                Thread.sleep(deadline.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            // the logging system may already be stopped
            System.err.println("lienthong-gateway: did not stop within " + deadline.toSeconds()
                    + " s (lienthong.shutdown.deadline); halting with status " + requested);
            System.err.flush();
            Runtime.getRuntime().halt(requested);
        }), "shutdown-deadline-hook"));
    }

    /** Stops the gateway with {@code status}, from a thread of its own (the caller may be one the stop waits for). */
    public static void exit(int status, String reason) {
        requested = status;
        LOG.error("the gateway stops with status {}: {}; its supervisor should start it again", status, reason);
        Thread.ofPlatform().name("gateway-exit").start(() -> System.exit(status));
    }
}
