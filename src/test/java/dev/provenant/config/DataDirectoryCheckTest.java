package dev.provenant.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryCheckTest {

    @TempDir
    Path temp;

    @Test
    void writableDirectoryWithRoomPasses() {
        assertThat(DataDirectoryCheck.problem(temp.resolve("data"), 1)).isEmpty();
        assertThat(temp.resolve("data")).isDirectory();
    }

    @Test
    void pathThatIsAFileCannotBecomeTheDataDirectory() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
        assertThat(DataDirectoryCheck.problem(file, 1)).hasValueSatisfying(p -> assertThat(p)
                .startsWith("cannot create the data directory " + file)
                .endsWith("set provenant.data-dir to a writable directory"));
    }

    @Test
    void readOnlyFileSystemIsReported() {
        // /proc is read-only even for root, which chmod-based tests are not.
        assertThat(DataDirectoryCheck.problem(Path.of("/proc/self/provenant-data"), 1))
                .hasValueSatisfying(p -> assertThat(p).startsWith("cannot create the data directory /proc/self/provenant-data"));
    }

    @Test
    void diskWithoutEnoughRoomIsReported() {
        assertThat(DataDirectoryCheck.problem(temp, Long.MAX_VALUE)).hasValueSatisfying(p -> assertThat(p)
                .contains("MiB free on the disk of " + temp).contains("provenant.min-free-space"));
    }
}
