package dev.provenant.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.provenant.support.Graph;
import dev.provenant.support.TestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;

/**
 * Bad input gets the JSON error shape naming the problem, and nothing is written; authentication is
 * required everywhere but on the health probes.
 */
@QuarkusTest
class IngestRejectionIT {

    @Inject
    Driver driver;

    private Graph graph;

    @BeforeEach
    void graph() {
        graph = new Graph(driver);
    }

    static String event(String runId, String jobName) {
        return """
                {"eventType":"START","eventTime":"2026-03-01T10:00:00Z","producer":"https://example.com/p",
                 "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run":{"runId":"%s"},"job":{"namespace":"rejections","name":"%s"},
                 "inputs":[{"namespace":"s3://bucket","name":"in.csv"}],"outputs":[]}"""
                .formatted(runId, jobName);
    }

    static Stream<Arguments> badEvents() {
        String valid = event("11111111-2222-3333-4444-555555555555", "job");
        return Stream.of(
                Arguments.of("truncated JSON", valid.substring(0, 60).getBytes(StandardCharsets.UTF_8), "malformed_json", null),
                Arguments.of("not an object", "[1,2]".getBytes(StandardCharsets.UTF_8), "invalid_event", ""),
                Arguments.of("run is a string", valid.replace("{\"runId\":\"11111111-2222-3333-4444-555555555555\"}", "\"r\"")
                        .getBytes(StandardCharsets.UTF_8), "invalid_type", "run"),
                Arguments.of("runId is a number", valid.replace("\"11111111-2222-3333-4444-555555555555\"", "42")
                        .getBytes(StandardCharsets.UTF_8), "invalid_type", "run.runId"),
                Arguments.of("no eventTime", valid.replace("\"eventTime\":\"2026-03-01T10:00:00Z\",", "")
                        .getBytes(StandardCharsets.UTF_8), "missing_field", "eventTime"),
                Arguments.of("unparseable eventTime", valid.replace("2026-03-01T10:00:00Z", "yesterday")
                        .getBytes(StandardCharsets.UTF_8), "invalid_value", "eventTime"),
                Arguments.of("no producer", valid.replace("\"producer\":\"https://example.com/p\",", "")
                        .getBytes(StandardCharsets.UTF_8), "missing_field", "producer"),
                Arguments.of("no job name", valid.replace(",\"name\":\"job\"", "")
                        .getBytes(StandardCharsets.UTF_8), "missing_field", "job.name"),
                Arguments.of("dataset without name", valid.replace(",\"name\":\"in.csv\"", "")
                        .getBytes(StandardCharsets.UTF_8), "missing_field", "inputs[0].name"),
                Arguments.of("unknown eventType", valid.replace("\"START\"", "\"STARTED\"")
                        .getBytes(StandardCharsets.UTF_8), "invalid_value", "eventType"),
                Arguments.of("control character in runId", valid.replace("11111111-2222", "1111\\u0007-2222")
                        .getBytes(StandardCharsets.UTF_8), "invalid_value", "run.runId"),
                Arguments.of("duplicate key", valid.replace("\"producer\"", "\"job\":{},\"producer\"")
                        .getBytes(StandardCharsets.UTF_8), "malformed_json", null),
                Arguments.of("lone surrogate", valid.replace("in.csv", "in\\ud800.csv")
                        .getBytes(StandardCharsets.UTF_8), "invalid_encoding", "inputs[0].name"),
                Arguments.of("invalid UTF-8", invalidUtf8(valid), "invalid_encoding", null),
                Arguments.of("10,000 levels of nesting", ("{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")
                        .getBytes(StandardCharsets.UTF_8), "malformed_json", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void badEventIsRejectedAndNothingIsWritten(String description, byte[] body, String error, String path) {
        long events = events();
        Response response = authorized().contentType("application/json").body(body).post("/api/v1/lineage");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("error")).isEqualTo(error);
        assertThat(response.jsonPath().getString("message")).isNotBlank();
        if (path != null) {
            assertThat(response.jsonPath().getString("path")).isEqualTo(path);
        }
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void bodyDeclaredOverTheLimitIs413BeforeItIsRead() {
        long events = events();
        byte[] body = new byte[32 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        authorized().contentType("application/json").body(body).post("/api/v1/lineage")
                .then().statusCode(413).body("error", equalTo("payload_too_large"));
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void gzipBombIs413() throws IOException {
        long events = events();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                gzip.write(spaces); // 200 MiB of whitespace, well under 1 MiB on the wire
            }
        }
        assertThat(compressed.size()).isLessThan(1024 * 1024);
        authorized().contentType("application/json").header("Content-Encoding", "gzip").body(compressed.toByteArray())
                .post("/api/v1/lineage").then().statusCode(413).body("error", equalTo("payload_too_large"))
                .body("message", containsString("after decompression"));
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void gzippedEventIsAccepted() throws IOException {
        String runId = UUID.randomUUID().toString();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(event(runId, "gzipped").getBytes(StandardCharsets.UTF_8));
        }
        authorized().contentType("application/json").header("Content-Encoding", "gzip").body(compressed.toByteArray())
                .post("/api/v1/lineage").then().statusCode(201).body("status", equalTo("created"));
        authorized().queryParam("runId", runId).get("/api/v1/runs").then().statusCode(200).body("state", equalTo("START"));
    }

    @Test
    void oversizedVersionFacetIsIgnoredNotFatal() {
        String runId = UUID.randomUUID().toString();
        String event = event(runId, "long-version").replace("\"outputs\":[]",
                "\"outputs\":[{\"namespace\":\"s3://bucket\",\"name\":\"out.csv\",\"facets\":{\"version\":"
                        + "{\"datasetVersion\":\"" + "v".repeat(9000) + "\"}}}]");
        authorized().contentType("application/json").body(event).post("/api/v1/lineage").then().statusCode(201);
        assertThat(graph.count("""
                MATCH (:Run {runId: $runId})-[:WROTE]->(v:DatasetVersion {name: 'out.csv'}) WHERE v.version = 'run:' + $runId
                RETURN count(v)""", java.util.Map.of("runId", runId))).isEqualTo(1);
    }

    @Test
    void wrongContentTypeOrEncodingIs415() {
        long events = events();
        authorized().contentType("text/plain").body(event(UUID.randomUUID().toString(), "x")).post("/api/v1/lineage")
                .then().statusCode(415).body("error", equalTo("unsupported_media_type")).body("path", equalTo("Content-Type"));
        authorized().contentType("application/json").header("Content-Encoding", "br")
                .body(event(UUID.randomUUID().toString(), "x")).post("/api/v1/lineage")
                .then().statusCode(415).body("error", equalTo("unsupported_encoding"));
        authorized().contentType("application/json").header("Content-Encoding", "gzip").body("not gzip at all")
                .post("/api/v1/lineage").then().statusCode(400).body("error", equalTo("malformed_gzip"));
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void batchAnswersEachItemAndWritesOnlyTheValidOnes() {
        String good = event(UUID.randomUUID().toString(), "batch").replace("\n", " ");
        String bad = event(UUID.randomUUID().toString(), "batch").replace("\n", " ").replace("\"producer\":\"https://example.com/p\",", "");
        long events = events();
        authorized().contentType("application/x-ndjson").body((good + "\n" + bad + "\n{not json\n" + good + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/lineage/batch").then().statusCode(207)
                .body("accepted", equalTo(1)).body("duplicates", equalTo(1)).body("rejected", equalTo(2))
                .body("results[0].status", equalTo("created"))
                .body("results[1].status", equalTo("rejected"))
                .body("results[1].error.error", equalTo("missing_field"))
                .body("results[1].error.path", equalTo("producer"))
                .body("results[2].error.error", equalTo("malformed_json"))
                .body("results[3].status", equalTo("duplicate"))
                .body("results[3].hash", notNullValue());
        assertThat(events()).isEqualTo(events + 1);

        authorized().contentType("application/json").body(("[" + bad + ", 7]").getBytes(StandardCharsets.UTF_8)).post("/api/v1/lineage/batch")
                .then().statusCode(400).body("error", equalTo("invalid_batch")).body("rejected", equalTo(2))
                .body("results[1].error.error", equalTo("invalid_event"));
        assertThat(events()).isEqualTo(events + 1);
    }

    @Test
    void everyRouteButHealthNeedsAValidToken() {
        given().contentType("application/json").body(event(UUID.randomUUID().toString(), "x")).post("/api/v1/lineage")
                .then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"))
                .body("error", equalTo("unauthorized"));
        given().auth().oauth2("wrong").get("/api/v1/stats").then().statusCode(401).body("error", equalTo("unauthorized"));
        given().get("/q/metrics").then().statusCode(401);
        given().get("/q/openapi").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        authorized().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/lineage"));
        authorized().get("/api/v1/nothing-here").then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void metricsCountIngestOutcomes() {
        authorized().contentType("application/json").body(event(UUID.randomUUID().toString(), "metrics"))
                .post("/api/v1/lineage").then().statusCode(201);
        authorized().get("/q/metrics").then().statusCode(200)
                .body(containsString("provenant_ingest_events_total{outcome=\"created\"}"))
                .body(containsString("provenant_ingest_commit_seconds"));
    }

    private static RequestSpecification authorized() {
        return given().auth().oauth2(TestResources.ADMIN_TOKEN);
    }

    private long events() {
        return graph.count("MATCH (e:Event) RETURN count(e)");
    }

    private static byte[] invalidUtf8(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int at = json.indexOf("in.csv");
        bytes[at] = (byte) 0xC3;
        bytes[at + 1] = (byte) 0x28;
        return bytes;
    }
}
