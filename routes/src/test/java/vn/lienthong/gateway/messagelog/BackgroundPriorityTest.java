package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The log writer's thread really runs at a lower priority, and only that thread (Linux, read back from /proc). */
class BackgroundPriorityTest {

    @Test
    void lowersOnlyTheCallingThread() throws Exception {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux /proc");
        int callerTid = BackgroundPriority.currentThreadId().orElseThrow();
        int callerNice = BackgroundPriority.niceOf(callerTid).orElseThrow();
        AtomicBoolean lowered = new AtomicBoolean();
        AtomicInteger tid = new AtomicInteger();
        AtomicInteger nice = new AtomicInteger(-100);
        Thread worker = new Thread(() -> {
            lowered.set(BackgroundPriority.lowerCurrentThread(10));
            tid.set(BackgroundPriority.currentThreadId().orElseThrow());
            nice.set(BackgroundPriority.niceOf(tid.get()).orElse(-100));
        }, "nice-test");
        worker.start();
        worker.join();

        assertThat(lowered).isTrue();
        assertThat(tid.get()).isNotEqualTo(callerTid);
        assertThat(nice.get()).isEqualTo(Math.max(10, callerNice));
        assertThat(BackgroundPriority.niceOf(callerTid)).isEqualTo(OptionalInt.of(callerNice));
    }

    @Test
    void zeroLeavesThePriorityAlone() {
        assertThat(BackgroundPriority.lowerCurrentThread(0)).isFalse();
    }
}
