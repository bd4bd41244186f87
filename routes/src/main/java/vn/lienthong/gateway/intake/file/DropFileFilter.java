package vn.lienthong.gateway.intake.file;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file consumer's {@code filter}: which files of a drop directory are handed to
 * {@link FileDropProcessor} at this poll.
 * <ul>
 * <li>With {@code completion: stable}, a file is complete once its size <em>and</em> modification
 * time, as this gateway observed them on successive polls, have not changed for {@code stableFor}.
 * Camel's {@code readLock=changed} with {@code readLockMinAge} only asks whether the modification
 * time is older than the wait, so a copy that preserves the original time ({@code cp -p}, rsync,
 * unzip) or a writer that pauses was read half; and it blocks the whole poll waiting for a
 * zero-byte file to grow. Observing across polls blocks nothing.</li>
 * <li>A file that could not be moved out of the directory (read-only directory) is remembered with
 * its size and time and not offered again until it changes: it is logged once, never re-read and
 * re-submitted at every poll.</li>
 * </ul>
 * Attributes are read without following links: a link is offered as what it is (and refused by the
 * processor), never as what it points to.
 */
public class DropFileFilter implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(DropFileFilter.class);

    private final Duration stableFor;
    private final Clock clock;
    private final Map<Path, Seen> seen = new ConcurrentHashMap<>();
    private final Set<Seen> stuck = ConcurrentHashMap.newKeySet();

    /** A file's size and modification time, and since when they have been so. */
    public record Seen(Path path, long size, long modified, Instant since) {
        boolean sameAs(Seen other) {
            return other != null && path.equals(other.path) && size == other.size && modified == other.modified;
        }
    }

    /** @param stableFor how long a file must be unchanged; {@link Duration#ZERO} when a done marker says it is complete */
    public DropFileFilter(Duration stableFor, Clock clock) {
        this.stableFor = stableFor;
        this.clock = clock;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory()) {
            return false;
        }
        return accept(file.getFile().toPath());
    }

    /** Whether the file is offered now; remembers what it saw for the next poll. */
    public boolean accept(Path path) {
        Seen now = observe(path);
        if (now == null) {
            seen.remove(path);
            return false;
        }
        if (stuck.stream().anyMatch(now::sameAs)) {
            return false;
        }
        Seen before = seen.get(path);
        if (!now.sameAs(before)) {
            seen.put(path, now);
            before = now;
        }
        if (Duration.between(before.since(), now.since()).compareTo(stableFor) >= 0) {
            seen.remove(path);
            return true;
        }
        return false;
    }

    /**
     * The processor could not move the file away: do not offer it again until its size or time
     * changes (an operator fixes the directory, or the exporter writes it anew).
     */
    public void leaveInPlace(Path path) {
        Seen now = observe(path);
        if (now != null && stuck.add(now)) {
            LOG.error("dropped file {} cannot be moved out of {}; it is left in place and not read again until it changes",
                    FileNames.printable(path.getFileName().toString()), path.getParent());
        }
        stuck.removeIf(s -> s.path().equals(path) && !s.sameAs(now));
    }

    /** A file moved to done/ or error/, watched for a while in case its writer was not finished. */
    record Moved(Seen asMoved, Path original, Instant until) {
    }

    private final Map<Path, Moved> moved = new ConcurrentHashMap<>();

    /**
     * Watches a file just moved out of the directory for {@code window}: if it still grows, its writer
     * only paused (longer than {@code stableFor}) and {@link #reclaimGrown} brings it back.
     */
    public void watchMoved(Path target, Path original, Seen asRead, Duration window) {
        if (asRead != null) {
            Seen asMoved = new Seen(target, asRead.size(), asRead.modified(), asRead.since());
            moved.put(target, new Moved(asMoved, original, clock.instant().plus(window)));
        }
    }

    /**
     * Moves each watched file that grew since it was moved back into the drop directory under its
     * own name, to be read again whole (its first rows come back ALREADY_ACCEPTED, the rest are
     * accepted): a writer that keeps the file open and pauses longer than {@code stableFor} loses
     * nothing. The report beside the first move stays as the record of the first reading.
     */
    public void reclaimGrown() {
        Instant now = clock.instant();
        for (Moved m : moved.values()) {
            Path target = m.asMoved().path();
            Seen seenNow = observe(target);
            if (seenNow == null || now.isAfter(m.until())) {
                moved.remove(target);
            } else if (!seenNow.sameAs(m.asMoved())) {
                moved.remove(target);
                try {
                    if (!Files.exists(m.original(), LinkOption.NOFOLLOW_LINKS)) {
                        Files.move(target, m.original());
                        LOG.warn("file {} grew after it was read (its writer paused longer than stableFor): moved back to be read again"
                                + " whole; an exporter that pauses should use completion: done-marker",
                                FileNames.printable(m.original().getFileName().toString()));
                    } else {
                        LOG.error("file {} grew after it was read, but a file of that name is back in the directory: {} is left in {}",
                                FileNames.printable(m.original().getFileName().toString()), target.getFileName(), target.getParent());
                    }
                } catch (IOException e) {
                    LOG.error("file {} grew after it was read and could not be moved back: {}", target, e.toString());
                }
            }
        }
    }

    /** The file's size and time now (the link's own if it is one), or null if it is gone. */
    public Seen observe(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Seen(path, a.size(), a.lastModifiedTime().toMillis(), clock.instant());
        } catch (IOException e) {
            return null;
        }
    }
}
