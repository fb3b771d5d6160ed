package dev.provenant.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.support.Api;
import dev.provenant.support.Conformance;
import dev.provenant.support.ProvenantProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production build on the embedded default: first start generates the admin token, SIGTERM shuts
 * down cleanly, and a restart on the same data directory has everything it had.
 */
class RestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void restartOnTheSameDataDirectoryLosesNothing() throws Exception {
        JsonNode statsBefore;
        String token;
        try (ProvenantProcess server = ProvenantProcess.start(dataDir, Map.of())) {
            Path tokenFile = dataDir.resolve("admin-token");
            assertThat(tokenFile).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
            assertThat(server.log()).contains("Generated an admin token into " + tokenFile.toAbsolutePath());
            token = Files.readString(tokenFile).strip();
            Api api = new Api(server.baseUrl(), token);

            assertThat(api.get("/api/v1/stats").statusCode()).isEqualTo(200);
            assertThat(new Api(server.baseUrl(), "wrong").get("/api/v1/stats").statusCode()).isEqualTo(401);
            for (String line : Conformance.lines(Conformance.openLineage("flink/data-rentgen-flink-kafka.ndjson"))) {
                assertThat(api.post("/api/v1/lineage", line.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
            }
            assertThat(api.post("/api/v1/lineage", Conformance.bytes(
                    Conformance.openLineage("spark/compat-cll-08-ctas-complete.json"))).statusCode()).isEqualTo(201);
            statsBefore = JSON.readTree(api.get("/api/v1/stats").body());
            assertThat(statsBefore.get("events").asLong()).isEqualTo(4);

            Duration stopped = server.terminate(Duration.ofSeconds(60));
            assertThat(stopped).isLessThan(Duration.ofSeconds(60));
            assertThat(server.log()).contains("Shutting down embedded Neo4j");
        }

        try (ProvenantProcess server = ProvenantProcess.start(dataDir, Map.of())) {
            assertThat(server.log()).contains("Admin token read from");
            Api api = new Api(server.baseUrl(), token);
            assertThat(JSON.readTree(api.get("/api/v1/stats").body())).isEqualTo(statsBefore);
            JsonNode run = JSON.readTree(api.get("/api/v1/runs?runId=01965ca5-85bc-789d-93a1-9e4e48bd37b3").body());
            assertThat(run.get("state").asText()).isEqualTo("COMPLETE");

            var again = api.post("/api/v1/lineage", Conformance.bytes(
                    Conformance.openLineage("spark/compat-cll-08-ctas-complete.json")));
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(again.body()).get("status").asText()).isEqualTo("duplicate");
            var next = api.post("/api/v1/lineage", Conformance.bytes(
                    Conformance.openLineage("spark/compat-cll-09-app-complete.json")));
            assertThat(next.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(next.body()).get("seq").asLong()).isEqualTo(5);
            server.terminate(Duration.ofSeconds(60));
        }
    }
}
