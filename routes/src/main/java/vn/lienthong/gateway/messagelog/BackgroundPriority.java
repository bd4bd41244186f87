package vn.lienthong.gateway.messagelog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Lowers the operating-system scheduling priority ("nice") of the calling thread, on Linux. The log
 * writer runs this way so that, when intake keeps both cores busy, the scheduler gives the cores to
 * request threads and the writer takes what is left; its backlog waits, durable, on the broker queue
 * and is written as soon as intake slackens. Java has no API for this: the thread's id comes from
 * {@code /proc/thread-self} and {@code renice} (util-linux) sets it. Where either is missing the
 * thread keeps its priority and the log is written as before.
 */
final class BackgroundPriority {

    private BackgroundPriority() {
    }

    /** @return whether the calling thread now runs at {@code nice} */
    static boolean lowerCurrentThread(int nice) {
        if (nice <= 0) {
            return false;
        }
        OptionalInt tid = currentThreadId();
        if (tid.isEmpty()) {
            return false;
        }
        int target = Math.min(nice, 19);
        if (niceOf(tid.getAsInt()).orElse(0) >= target) {
            // already as low (the whole process may run under nice): raising it back would need privileges
            return true;
        }
        try {
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(target), "-p",
                    Integer.toString(tid.getAsInt())).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(10, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                return false;
            }
            return renice.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The kernel's id of the calling thread ({@code /proc/thread-self} links to {@code PID/task/TID}). */
    static OptionalInt currentThreadId() {
        try {
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return OptionalInt.of(Integer.parseInt(link.getFileName().toString()));
        } catch (IOException | UnsupportedOperationException | NumberFormatException | SecurityException e) {
            return OptionalInt.empty();
        }
    }

    /** The nice value of a thread of this process, read back from {@code /proc} (field 19 of its stat line). */
    static OptionalInt niceOf(int tid) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalInt.of(Integer.parseInt(fields[16]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
