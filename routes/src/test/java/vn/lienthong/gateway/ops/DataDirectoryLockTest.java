package vn.lienthong.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {

    @TempDir
    Path dir;

    @Test
    void aHeldDataDirectoryIsRefusedNamingTheDirectoryAndTheHolder() throws Exception {
        Path data = dir.resolve("data");
        DataDirectoryLock.acquire(data);

        assertThat(Files.readString(data.resolve(DataDirectoryLock.FILE))).contains("pid=" + ProcessHandle.current().pid());
        assertThatThrownBy(() -> DataDirectoryLock.acquire(data))
                .isInstanceOf(DataDirectoryLock.InUseException.class)
                .hasMessageContaining("data directory " + data.toAbsolutePath())
                .hasMessageContaining("(pid " + ProcessHandle.current().pid() + ")")
                .hasMessageContaining("--lienthong.data-dir");
    }

    @Test
    void theMessageWithoutAKnownHolderStillNamesTheDirectory() {
        assertThat(DataDirectoryLock.inUseMessage(Path.of("/srv/lienthong/data"), java.util.Optional.empty()))
                .startsWith("data directory /srv/lienthong/data is in use by another gateway.");
    }
}
