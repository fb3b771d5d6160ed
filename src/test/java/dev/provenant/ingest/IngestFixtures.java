package dev.provenant.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.provenant.web.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared helpers of the ingest unit tests: the real-event corpus and the API error a call ends in. */
final class IngestFixtures {

    private IngestFixtures() {}

    /** A file of the shared corpus below {@code openlineage/}, e.g. {@code spark/compat-cll-08-ctas-complete.json}. */
    static Path openLineage(String relative) {
        return corpus().resolve("openlineage").resolve(relative);
    }

    static byte[] openLineageBytes(String relative) {
        try {
            return Files.readAllBytes(openLineage(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path corpus() {
        return dev.provenant.support.Conformance.dir();
    }

    /** The ApiException the call throws; fails the test when it throws anything else or nothing. */
    static ApiException rejection(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ApiException.class);
        return (ApiException) thrown;
    }

    /** Asserts the status, the error code and the path of the answer a user gets. */
    static void assertRejected(ThrowingCallable call, int status, String code, String path) {
        ApiException e = rejection(call);
        assertThat(e).extracting(ApiException::status, x -> x.body().error(), x -> x.body().path())
                .as("status, error, path of: %s", e.getMessage())
                .containsExactly(status, code, path);
    }
}
