package dev.provenant.dvc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.Conformance;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line without a server: arguments, dry runs and the messages users see. */
class DvcMainTest {

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DvcMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String pipeline(String name) {
        return Conformance.dir().resolve("dvc").resolve(name).toString();
    }

    @Test
    void dryRunPrintsOneEventPerLineAndNamesStaleEntries() {
        Result result = run("emit", "--repo", pipeline("pipeline-configuration-multi-validation-datasets"),
                "--namespace", "dvc-main-test", "--dry-run");
        assertThat(result.code()).isEqualTo(0);
        assertThat(result.out().lines()).hasSize(16).allMatch(l -> l.startsWith("{\"eventTime\""));
        assertThat(result.err()).isEqualTo("provenant-dvc: skipped dvc.lock entries that dvc.yaml no longer declares:"
                + " basic, data_load_with_preset" + System.lineSeparator());
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhy() {
        assertThat(run().err()).startsWith("provenant-dvc: missing command: emit or install-hook");
        assertThat(run("publish").err()).startsWith("provenant-dvc: unknown command publish");
        assertThat(run("emit", "--repo", pipeline("example-get-started"), "--api-key", "t").err())
                .startsWith("provenant-dvc: --url is required");
        assertThat(run("emit", "--repo", pipeline("example-get-started"), "--url", "http://localhost:1").err())
                .startsWith("provenant-dvc: --api-key is required");
        assertThat(run("emit", "--repo", pipeline("example-get-started"), "--url", "http://localhost:1",
                "--api-key", "t", "--timeout", "soon").err())
                .startsWith("provenant-dvc: --timeout must be a number of seconds");
        assertThat(run("emit", "--repo", "/no/such/dir").err()).startsWith("provenant-dvc: --repo /no/such/dir is not a directory");
        assertThat(run("emit", "--repo", Conformance.dir().toString()).err())
                .startsWith("provenant-dvc: no dvc.lock in ");
        assertThat(run("emit", "--bogus").code()).isEqualTo(2);
        assertThat(run("--help").out()).contains("provenant-dvc emit --repo <dir>");
    }

    @Test
    void unreachableServerExitsWithOne() {
        Result result = run("emit", "--repo", pipeline("monorepo-dvc-repro-project-1"), "--url", "http://127.0.0.1:1",
                "--api-key", "t", "--timeout", "5");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("provenant-dvc: sending to http://127.0.0.1:1 failed after 0 of 6 events");
    }
}
