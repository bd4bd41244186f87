package vn.lienthong.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop ends even when a shutdown hook never returns, as Spring's did while the gateway's start
 * hung on the journal lock (SIGTERM and SIGINT did nothing; only SIGKILL ended it). A real child JVM
 * with such a hook gets SIGTERM.
 */
class ShutdownDeadlineTest {

    @TempDir
    Path dir;

    @Test
    void sigtermEndsAProcessWhoseShutdownHookHangs() throws Exception {
        Process jvm = start(true, 2);
        long signalled = System.nanoTime();
        jvm.destroy(); // SIGTERM

        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as("stopped within the deadline").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(Files.readString(dir.resolve("out"))).contains("did not stop within 2 s");
    }

    @Test
    void aStopThatFinishesInTimeIsNotDelayed() throws Exception {
        Process jvm = start(false, 30);
        long signalled = System.nanoTime();
        jvm.destroy();

        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // the deadline's timer (30 s here and by default) does not hold the exit back
        assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(25));
        assertThat(Files.readString(dir.resolve("out"))).doesNotContain("did not stop");
    }

    private Process start(boolean hangingHook, int watchdogSeconds) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HangingStop.class.getName(),
                Boolean.toString(hangingHook), Integer.toString(watchdogSeconds)).redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(dir.resolve("out"), StandardCharsets.UTF_8).contains("ready")) {
            assertThat(System.nanoTime()).as("child JVM ready").isLessThan(deadline);
            assertThat(jvm.isAlive()).isTrue();
            Thread.sleep(50);
        }
        return jvm;
    }

    /** Installs the deadline (args[1] seconds) and, if asked, a shutdown hook that never returns. */
    public static final class HangingStop {
        public static void main(String[] args) throws Exception {
            ProcessExit.installDeadline(Duration.ofSeconds(Long.parseLong(args[1])));
            if (Boolean.parseBoolean(args[0])) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    Object never = new Object();
                    synchronized (never) {
                        try {
                            never.wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }));
            }
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
