package vn.lienthong.gateway.broker;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Whether the disks the gateway writes to (the broker's journal, paging and bindings, the embedded
 * message log) have room for another record. Intake is refused (503) when a file system holding one of
 * them is fuller than {@code lienthong.broker.max-disk-usage} percent or has less than
 * {@code lienthong.broker.min-disk-free} left; the broker's own limit (a percentage) sits beyond
 * these, so that intake stops before the broker blocks or fails to allocate a journal file.
 * <p>
 * Why a reserve in bytes as well as a percentage: the journal grows by whole files (10 MiB each),
 * allocated at once. On a small data disk 5 % is less than one journal file: the disk went from 94 %
 * to "no space left" in one allocation, the broker stopped on a critical I/O error, and the 95 % limit
 * never saw it coming. Measured on each admission (a statfs per file system, at most every 100 ms),
 * not by the broker's once-a-second scan.
 */
public final class DiskAdmission {

    static final long RECHECK_NANOS = 100_000_000L;

    private final List<Path> directories;
    private final int maxUsagePercent;
    private final long minFreeBytes;
    private final LongSupplier nanoTime;
    private volatile long checkedAt;
    private volatile String refusal;
    private volatile boolean checked;

    /**
     * @param directories     where the gateway writes (those not yet created are looked up by their nearest existing parent)
     * @param maxUsagePercent refuse above this usage (100: no percentage limit)
     * @param minFreeBytes    refuse below this much free space (0: no reserve)
     */
    public DiskAdmission(List<Path> directories, int maxUsagePercent, long minFreeBytes, LongSupplier nanoTime) {
        this.directories = List.copyOf(directories);
        this.maxUsagePercent = maxUsagePercent;
        this.minFreeBytes = minFreeBytes;
        this.nanoTime = nanoTime;
    }

    /** Why a record cannot be taken now, or null. */
    public String refusal() {
        long now = nanoTime.getAsLong();
        if (!checked || now - checkedAt >= RECHECK_NANOS) {
            refusal = measure();
            checkedAt = now;
            checked = true;
        }
        return refusal;
    }

    private String measure() {
        Map<FileStore, Path> stores = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path dir : directories) {
            try {
                stores.putIfAbsent(Files.getFileStore(existing(dir)), dir);
            } catch (IOException e) {
                problems.add("cannot measure the disk of " + dir + ": " + e.getMessage());
            }
        }
        for (Map.Entry<FileStore, Path> e : stores.entrySet()) {
            try {
                long total = e.getKey().getTotalSpace();
                long free = e.getKey().getUsableSpace();
                if (total <= 0) {
                    continue;
                }
                double usage = 100.0 * (total - free) / total;
                if (free < minFreeBytes) {
                    return String.format("the disk of %s has %d MiB free, less than lienthong.broker.min-disk-free (%d MiB)",
                            e.getValue(), free >> 20, minFreeBytes >> 20);
                }
                if (maxUsagePercent < 100 && usage > maxUsagePercent) {
                    return String.format("the disk of %s is %.1f %% full, above lienthong.broker.max-disk-usage (%d %%)",
                            e.getValue(), usage, maxUsagePercent);
                }
            } catch (IOException ex) {
                problems.add("cannot measure the disk of " + e.getValue() + ": " + ex.getMessage());
            }
        }
        return problems.isEmpty() ? null : problems.get(0);
    }

    private static Path existing(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? dir.toAbsolutePath().getRoot() : p;
    }
}
