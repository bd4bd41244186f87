package vn.lienthong.gateway.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process an integration test starts (gateway, simulator, Kannel boxes, Keycloak, PostgreSQL)
 * is registered here, so that none outlives the test JVM: a shutdown hook ends the ones still
 * running when the JVM exits (normally, on a failed assertion, on Ctrl-C or on failsafe's timeout),
 * and each has a pid file in {@link #directory()} so that {@code scripts/reap-it-processes.sh}
 * (run by {@code .ci/run} before and after the tests) ends those whose test JVM was killed with
 * SIGKILL and so never ran its hook. Failed runs once left four gateways and a simulator running,
 * about 500 MB each, long after CI had finished.
 *
 * <p>A pid file is named after the process and holds one line: {@code pid start owner ownerStart
 * description}, where the starts are the kernel's start times ({@code /proc/<pid>/stat} field 22),
 * so the reaper never kills an unrelated process that reuses a pid, nor one whose test JVM still runs.
 */
public final class ItProcesses {

    private static final Map<Long, ProcessHandle> TRACKED = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ItProcesses::endAll, "it-processes-reaper"));
    }

    private ItProcesses() {
    }

    /** The directory of pid files: {@code -Dlienthong.it.pid-dir}, else {@code <tmp>/lienthong-it-processes}. */
    public static Path directory() {
        String configured = System.getProperty("lienthong.it.pid-dir");
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "lienthong-it-processes");
    }

    /** Registers a process this JVM started; returns it. */
    public static Process track(Process process, String description) {
        track(process.toHandle(), description);
        return process;
    }

    /** Registers a process (also one another program started for us, e.g. PostgreSQL's postmaster). */
    public static void track(ProcessHandle handle, String description) {
        if (!handle.isAlive()) {
            return;
        }
        TRACKED.put(handle.pid(), handle);
        ProcessHandle self = ProcessHandle.current();
        String line = handle.pid() + " " + startTicks(handle.pid()).orElse("?") + " " + self.pid() + " "
                + startTicks(self.pid()).orElse("?") + " " + description.replaceAll("\\s+", "_") + "\n";
        try {
            Files.createDirectories(directory());
            Files.writeString(pidFile(handle.pid()), line);
        } catch (IOException e) {
            // the shutdown hook still ends it; only the reaper's second chance is lost
            System.err.println("cannot write pid file for " + description + ": " + e);
        }
    }

    /** Registers every child of this JVM not registered yet (e.g. the boxes a helper class started). */
    public static List<ProcessHandle> trackChildren(String description) {
        List<ProcessHandle> fresh = ProcessHandle.current().children().filter(child -> !TRACKED.containsKey(child.pid())).toList();
        fresh.forEach(child -> track(child, description + "-" + child.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?")));
        return fresh;
    }

    /** The process ended as the test meant it to: forget it. */
    public static void untrack(ProcessHandle handle) {
        TRACKED.remove(handle.pid());
        try {
            Files.deleteIfExists(pidFile(handle.pid()));
        } catch (IOException e) {
            // a stale pid file is harmless: the reaper checks the start time
        }
    }

    /** Ends a process and its descendants: SIGTERM, then SIGKILL for what is still running after the grace time. */
    public static void end(ProcessHandle handle, long graceSeconds) {
        List<ProcessHandle> all = new java.util.ArrayList<>(handle.descendants().toList());
        all.add(handle);
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(graceSeconds, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        untrack(handle);
    }

    static void endAll() {
        // the JVM is exiting: no long grace, but let a gateway flush its journal
        List<ProcessHandle> left = TRACKED.values().stream().filter(ProcessHandle::isAlive).toList();
        left.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        });
        for (ProcessHandle p : left) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            untrack(p);
        }
    }

    private static Path pidFile(long pid) {
        return directory().resolve(pid + ".pid");
    }

    /** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot); empty where there is no /proc. */
    static Optional<String> startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Optional.of(fields[19]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
