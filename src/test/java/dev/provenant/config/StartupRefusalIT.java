package dev.provenant.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production build refuses an unusable data directory with one clear line and exit code 74. */
class StartupRefusalIT {

    @TempDir
    Path temp;

    @Test
    void readOnlyDataDirectoryGivesAClearMessageNotAStackTrace() throws Exception {
        Result result = run("-Dprovenant.data-dir=/proc/self/provenant-data");
        assertThat(result.exitCode()).isEqualTo(74);
        assertThat(result.output()).contains("Provenant cannot start: cannot create the data directory"
                + " /proc/self/provenant-data").doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    @Test
    void fullDiskGivesAClearMessageNotAStackTrace() throws Exception {
        Result result = run("-Dprovenant.data-dir=" + temp.resolve("data"), "-Dprovenant.min-free-space=1000000T");
        assertThat(result.exitCode()).isEqualTo(74);
        assertThat(result.output()).contains("Provenant cannot start: only").contains("provenant.min-free-space")
                .doesNotContain("\tat ");
    }

    private record Result(int exitCode, String output) {}

    private Result run(String... settings) throws Exception {
        Path log = temp.resolve("out.log");
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(settings));
        command.add("-jar");
        command.add(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits on its own").isTrue();
        return new Result(process.exitValue(), Files.readString(log));
    }
}
