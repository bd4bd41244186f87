package vn.lienthong.gateway.intake.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a dropped file counts as complete, observed by the filter on successive polls. */
class DropFileFilterTest {

    /** A clock the test moves. */
    static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @TempDir
    Path dir;
    final StepClock clock = new StepClock();
    final DropFileFilter filter = new DropFileFilter(Duration.ofSeconds(2), clock);

    /** Regression: readLockMinAge only asked whether the time was old, so a copy keeping an old time was taken half. */
    @Test
    void aFileWithAnOldTimeIsTakenOnlyAfterItsSizeAndTimeStayedUnchanged() throws Exception {
        Path file = dir.resolve("a.csv");
        Files.writeString(file, "header\r\n");
        Files.setLastModifiedTime(file, FileTime.from(clock.now.minus(Duration.ofDays(1))));
        assertThat(filter.accept(file)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        Files.writeString(file, "row 1\r\n", StandardOpenOption.APPEND);
        Files.setLastModifiedTime(file, FileTime.from(clock.now.minus(Duration.ofDays(1))));
        assertThat(filter.accept(file)).isFalse();
        clock.advance(Duration.ofMillis(1500));
        assertThat(filter.accept(file)).isFalse();
        clock.advance(Duration.ofMillis(500));
        assertThat(filter.accept(file)).isTrue();
    }

    @Test
    void aTimeChangeAloneRestartsTheWait() throws Exception {
        Path file = dir.resolve("a.csv");
        Files.writeString(file, "header\r\n");
        assertThat(filter.accept(file)).isFalse();
        clock.advance(Duration.ofMillis(1900));
        Files.setLastModifiedTime(file, FileTime.from(clock.now));
        assertThat(filter.accept(file)).isFalse();
        clock.advance(Duration.ofMillis(1900));
        assertThat(filter.accept(file)).isFalse();
        clock.advance(Duration.ofMillis(100));
        assertThat(filter.accept(file)).isTrue();
    }

    @Test
    void aFileThatCouldNotBeMovedIsNotOfferedAgainUntilItChanges() throws Exception {
        Path file = dir.resolve("a.csv");
        Files.writeString(file, "header\r\n");
        filter.accept(file);
        clock.advance(Duration.ofSeconds(2));
        assertThat(filter.accept(file)).isTrue();
        filter.leaveInPlace(file);
        clock.advance(Duration.ofSeconds(10));
        assertThat(filter.accept(file)).isFalse();
        assertThat(filter.accept(file)).isFalse();
        Files.writeString(file, "row\r\n", StandardOpenOption.APPEND);
        filter.accept(file);
        clock.advance(Duration.ofSeconds(2));
        assertThat(filter.accept(file)).isTrue();
    }

    @Test
    void aMovedFileThatGrowsIsBroughtBackToBeReadWhole() throws Exception {
        Path original = dir.resolve("a.csv");
        Files.createDirectories(dir.resolve("done"));
        Path moved = dir.resolve("done").resolve("stamp-a.csv");
        Files.writeString(moved, "header\r\nrow 1\r\n");
        filter.watchMoved(moved, original, filter.observe(moved), Duration.ofMinutes(1));
        filter.reclaimGrown();
        assertThat(moved).exists();
        Files.writeString(moved, "row 2\r\n", StandardOpenOption.APPEND);
        filter.reclaimGrown();
        assertThat(moved).doesNotExist();
        assertThat(Files.readString(original)).isEqualTo("header\r\nrow 1\r\nrow 2\r\n");
    }

    @Test
    void aMovedFileIsWatchedOnlyForItsWindow() throws Exception {
        Path original = dir.resolve("a.csv");
        Path moved = dir.resolve("stamp-a.csv");
        Files.writeString(moved, "header\r\n");
        filter.watchMoved(moved, original, filter.observe(moved), Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(2));
        Files.writeString(moved, "row\r\n", StandardOpenOption.APPEND);
        filter.reclaimGrown();
        assertThat(moved).exists();
        assertThat(original).doesNotExist();
    }
}
