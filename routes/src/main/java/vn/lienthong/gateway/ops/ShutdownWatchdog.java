package vn.lienthong.gateway.ops;

import java.time.Duration;

/**
 * Makes every stop end. On SIGTERM or SIGINT the JVM runs its shutdown hooks and exits when all of
 * them have returned; Spring's hook closes the application context, and waits while the context is
 * still starting, however long that takes (a gateway whose start hung on the broker's journal lock
 * could only be stopped with SIGKILL). This hook starts a daemon timer instead: if the process is
 * still there {@code timeout} after the stop began, it says so and halts.
 */
public final class ShutdownWatchdog {

    private static boolean installed;

    private ShutdownWatchdog() {
    }

    public static synchronized void install(Duration timeout) {
        if (installed) {
            return;
        }
        installed = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // a daemon thread: it never delays an exit that finishes in time
            Thread timer = new Thread(() -> {
                try {
                    Thread.sleep(timeout.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                System.err.println("the gateway did not stop within " + timeout.toSeconds()
                        + " s (lienthong.shutdown-timeout); halting now");
                System.err.flush();
                Runtime.getRuntime().halt(1);
            }, "shutdown-watchdog");
            timer.setDaemon(true);
            timer.start();
        }, "shutdown-watchdog-hook"));
    }
}
