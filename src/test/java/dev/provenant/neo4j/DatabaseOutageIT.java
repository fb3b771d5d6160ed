package dev.provenant.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.Api;
import dev.provenant.support.FreePorts;
import dev.provenant.support.ProvenantProcess;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * External mode with the database stopped mid-run: ingest answers 503 with Retry-After, readiness goes
 * down, and both recover when the database returns, without restarting Provenant.
 */
class DatabaseOutageIT {

    @TempDir
    Path externalHome;

    @TempDir
    Path dataDir;

    @Test
    void ingestAndReadinessFollowTheDatabase() throws Exception {
        int boltPort = FreePorts.next();
        EmbeddedNeo4j.Settings settings = new EmbeddedNeo4j.Settings("127.0.0.1", boltPort, "neo4j", "outage-secret",
                64L * 1024 * 1024);
        EmbeddedNeo4j external = EmbeddedNeo4j.start(externalHome, settings);
        try (ProvenantProcess server = ProvenantProcess.start(dataDir, Map.of(
                "provenant.neo4j.uri", "bolt://127.0.0.1:" + boltPort,
                "provenant.neo4j.password", "outage-secret",
                "provenant.auth.admin-token", "outage-admin"))) {
            Api api = new Api(server.baseUrl(), "outage-admin");
            assertThat(api.post("/api/v1/lineage", event()).statusCode()).isEqualTo(201);

            external.close();
            HttpResponse<String> during = awaitResponse(() -> api.post("/api/v1/lineage", event()),
                    r -> r.statusCode() == 503, Duration.ofSeconds(60));
            assertThat(during.body()).contains("database_unavailable");
            assertThat(during.headers().firstValue("Retry-After")).isPresent();
            Instant asked = Instant.now();
            HttpResponse<String> fast = api.post("/api/v1/lineage", event());
            assertThat(fast.statusCode()).isEqualTo(503);
            assertThat(Duration.between(asked, Instant.now())).as("answered without waiting for the database")
                    .isLessThan(Duration.ofSeconds(2));
            awaitResponse(() -> api.get("/q/health/ready"), r -> r.statusCode() == 503, Duration.ofSeconds(30));

            external = EmbeddedNeo4j.start(externalHome, settings);
            awaitResponse(() -> api.get("/q/health/ready"), r -> r.statusCode() == 200, Duration.ofSeconds(60));
            assertThat(api.post("/api/v1/lineage", event()).statusCode()).isEqualTo(201);
            assertThat(api.get("/api/v1/stats").body()).contains("\"events\":2");
            server.terminate(Duration.ofSeconds(60));
        } finally {
            external.close();
        }
    }

    private static byte[] event() {
        return """
                {"eventType":"START","eventTime":"2026-05-01T10:00:00Z","producer":"https://example.com/p",
                 "run":{"runId":"%s"},"job":{"namespace":"outage","name":"job"}}"""
                .formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> awaitResponse(Supplier<HttpResponse<String>> call,
            Predicate<HttpResponse<String>> done, Duration bound) throws InterruptedException {
        Instant deadline = Instant.now().plus(bound);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("condition not reached within " + bound + "; last answer " + last.statusCode() + " "
                + last.body());
    }
}
