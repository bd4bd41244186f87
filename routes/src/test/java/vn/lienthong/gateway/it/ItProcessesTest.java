package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test JVM that starts a process through {@link ItProcesses} leaves nothing running, whether it
 * fails, is stopped, or is killed outright (then {@code scripts/reap-it-processes.sh} ends what it
 * left). Regression tests for the gateway JVMs and the simulator that failed ITs left running after CI.
 * The "test JVM" here is a real child JVM running {@link LeakyTestJvm}; its process is {@code sleep}.
 */
class ItProcessesTest {

    @TempDir
    Path pidDir;

    private final List<Process> testJvms = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        testJvms.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
        testJvms.forEach(Process::destroyForcibly);
    }

    @Test
    void aProcessOfATestJvmThatFailsIsEndedByItsShutdownHook() throws Exception {
        Started jvm = startTestJvm("fail");
        assertThat(jvm.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(jvm.process.exitValue()).isNotZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> !running(jvm.sleeper));
        assertThat(pidFiles()).isEmpty();
    }

    @Test
    void aProcessOfATestJvmStoppedWithSigtermIsEnded() throws Exception {
        Started jvm = startTestJvm("hang");
        jvm.process.destroy();
        assertThat(jvm.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> !running(jvm.sleeper));
    }

    @Test
    void aProcessOfAKilledTestJvmIsEndedByTheReaper() throws Exception {
        Started jvm = startTestJvm("hang");
        assertThat(pidFiles()).hasSize(1);
        jvm.process.destroyForcibly();
        jvm.process.waitFor();
        // SIGKILL: no hook ran, the process is an orphan now
        assertThat(running(jvm.sleeper)).isTrue();

        String output = reap();

        assertThat(output).contains("reaping leftover test process " + jvm.sleeper);
        await().atMost(Duration.ofSeconds(30)).until(() -> !running(jvm.sleeper));
        assertThat(pidFiles()).isEmpty();
    }

    @Test
    void theReaperLeavesTheProcessesOfARunningTestJvmAlone() throws Exception {
        Started jvm = startTestJvm("hang");

        assertThat(reap()).doesNotContain("reaping");

        assertThat(running(jvm.sleeper)).isTrue();
        assertThat(pidFiles()).hasSize(1);
    }

    @Test
    void theReaperForgetsAPidFileWhoseProcessIsGone() throws Exception {
        Files.writeString(pidDir.resolve("999999999.pid"), "999999999 12345 999999998 12345 gone\n");

        assertThat(reap()).doesNotContain("reaping");

        assertThat(pidFiles()).isEmpty();
    }

    private record Started(Process process, long sleeper) {
    }

    private Started startTestJvm(String mode) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dlienthong.it.pid-dir=" + pidDir, LeakyTestJvm.class.getName(), mode)
                .redirectErrorStream(true).start();
        testJvms.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("sleeper ")) {
            // skip anything the JVM prints first
        }
        assertThat(line).as("the test JVM started its process").isNotNull();
        long sleeper = Long.parseLong(line.substring("sleeper ".length()).strip());
        assertThat(running(sleeper)).isTrue();
        return new Started(process, sleeper);
    }

    private String reap() throws Exception {
        Path script = Path.of("../scripts/reap-it-processes.sh").toAbsolutePath().normalize();
        Process reaper = new ProcessBuilder("bash", script.toString(), pidDir.toString()).redirectErrorStream(true).start();
        String output = new String(reaper.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(reaper.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(reaper.exitValue()).as(output).isZero();
        return output;
    }

    private List<Path> pidFiles() throws IOException {
        try (var files = Files.list(pidDir)) {
            return files.toList();
        }
    }

    /** Alive and not a zombie waiting for a parent (PID 1 of a container may never reap it). */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** A stand-in for a test JVM: starts {@code sleep} as a test starts a gateway, then fails or hangs. */
    public static final class LeakyTestJvm {

        public static void main(String[] args) throws Exception {
            Process sleeper = ItProcesses.track(new ProcessBuilder("sleep", "600").start(), "sleeper");
            System.out.println("sleeper " + sleeper.pid());
            System.out.flush();
            if (args[0].equals("fail")) {
                throw new AssertionError("a failing test");
            }
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
