package vn.lienthong.gateway.ops;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One gateway per data directory. The broker's journal takes its own lock, but a second gateway
 * waits on it silently and for ever (and, its start never finishing, ignores SIGTERM); so the
 * gateway takes {@code <data-dir>/gateway.lock} first, before anything opens the directory, and a
 * second one stops at once naming the directory and the gateway that holds it.
 *
 * <p>The lock is the operating system's ({@link FileChannel#tryLock()}): it goes with the process,
 * so a gateway killed with SIGKILL leaves no stale lock behind. The file holds the holder's pid and
 * start time, for the message.
 */
public final class DataDirectoryLock {

    public static final String FILE = "gateway.lock";

    /** Kept for the life of the process: the lock is released when the channel is closed or the process ends. */
    private static FileChannel held;

    private DataDirectoryLock() {
    }

    /** Thrown when another process holds the data directory. */
    public static final class InUseException extends Exception {
        public InUseException(String message) {
            super(message);
        }
    }

    /** Takes the lock of {@code dataDir} for this process, or says who holds it. */
    public static synchronized void acquire(Path dataDir) throws InUseException, IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // this JVM holds it already
        }
        if (lock == null) {
            channel.close();
            throw new InUseException(inUseMessage(dir, holder(file)));
        }
        ProcessHandle self = ProcessHandle.current();
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(("pid=" + self.pid() + "\nstarted=" + Instant.now() + "\n").getBytes(StandardCharsets.US_ASCII)));
        channel.force(true);
        held = channel;
    }

    static String inUseMessage(Path dir, Optional<String> holderPid) {
        String who = holderPid.map(pid -> "another gateway (pid " + pid + ")").orElse("another gateway");
        return "data directory " + dir + " is in use by " + who + ". Only one gateway may use a data directory:"
                + " stop that one first" + holderPid.map(pid -> " (kill " + pid + ")").orElse("")
                + ", or give this one its own --lienthong.data-dir=DIR and ports (--server.port, --lienthong.broker.port).";
    }

    private static Optional<String> holder(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                    .filter(l -> l.startsWith("pid=")).map(l -> l.substring(4).strip()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
