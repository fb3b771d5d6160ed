package dev.provenant.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.Api;
import dev.provenant.support.Graph;
import dev.provenant.support.GraphCounts;
import dev.provenant.support.TestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;

/**
 * Hostile input beyond {@link IngestRejectionIT}: huge strings and numbers, null and mistyped core
 * fields, wrong media types, control characters, more broken JSON and encodings, and names that look
 * like Cypher. Each rejection is the JSON error shape with nothing written, and the server stays
 * healthy after every case; the injection-looking names are stored and shown literally.
 *
 * <p>Two limits come from Jackson's default {@code StreamReadConstraints}, which {@code EventParser}
 * keeps (it only lowers the nesting depth): a string longer than 20,000,000 characters and a number
 * longer than 1,000 characters end the parse with 400 {@code malformed_json}, although the body is
 * under the 32 MiB {@code provenant.ingest.max-bytes}.
 */
@QuarkusTest
class HostileInputIT {

    private static final String JACKSON_MAX_STRING = "exceeds the maximum allowed (20000000";
    private static final String JACKSON_MAX_NUMBER = "exceeds the maximum allowed (1000";

    @Inject
    Driver driver;

    private Graph graph;

    @BeforeEach
    void graph() {
        graph = new Graph(driver);
    }

    /** A valid START event; {@code runFacets} is spliced in as the run's facets object. */
    static String event(String runId, String jobName, String datasetName, String runFacets) {
        return """
                {"eventType":"START","eventTime":"2026-06-01T10:00:00Z","producer":"https://example.com/hostile",\
                "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",\
                "run":{"runId":%s,"facets":%s},"job":{"namespace":"hostile","name":%s},\
                "inputs":[{"namespace":"s3://hostile","name":%s}],"outputs":[]}"""
                .formatted(quote(runId), runFacets, quote(jobName), quote(datasetName));
    }

    static String valid() {
        return event(UUID.randomUUID().toString(), "job", "in.csv", "{}");
    }

    /** A rejected request: what is sent and the error it must get. */
    record Rejected(String name, byte[] body, String contentType, String endpoint, int status, String error,
            String path, String messagePart) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rejected> rejected() {
        String v = valid();
        return Stream.of(
                // huge strings and numbers
                json("a 3 MB job name", event(UUID.randomUUID().toString(), "j".repeat(3_000_000), "in.csv", "{}"),
                        400, "invalid_value", "job.name", "longer than 2000 bytes"),
                json("a 20 MiB string in a facet, over Jackson's 20,000,000-character string limit",
                        event(UUID.randomUUID().toString(), "job", "in.csv",
                                "{\"big\":{\"text\":\"" + "x".repeat(20 * 1024 * 1024) + "\"}}"),
                        400, "malformed_json", null, JACKSON_MAX_STRING),
                json("a 2000-digit integer in a facet, over Jackson's 1000-character number limit",
                        event(UUID.randomUUID().toString(), "job", "in.csv", "{\"n\":{\"value\":" + "9".repeat(2000) + "}}"),
                        400, "malformed_json", null, JACKSON_MAX_NUMBER),
                json("an exponent beyond any BigDecimal (1e99999999999)",
                        event(UUID.randomUUID().toString(), "job", "in.csv", "{\"n\":{\"value\":1e99999999999}}"),
                        400, "malformed_json", null, null),
                json("NaN in a facet", event(UUID.randomUUID().toString(), "job", "in.csv", "{\"n\":{\"value\":NaN}}"),
                        400, "malformed_json", null, null),
                json("eventTime as a number", v.replace("\"2026-06-01T10:00:00Z\"", "1e999999"), 400, "invalid_type",
                        "eventTime", null),
                json("eventTime with offset +25:00", v.replace("10:00:00Z", "10:00:00+25:00"), 400, "invalid_value",
                        "eventTime", null),
                json("eventTime in year 1000000000", v.replace("2026-06-01T10:00:00Z", "+1000000000-01-01T00:00:00Z"),
                        400, "invalid_value", "eventTime", null),
                // null and mistyped core fields
                json("job: null on a run event", v.replaceFirst("\"job\":\\{[^}]*}", "\"job\":null"), 400, "missing_field",
                        "job", null),
                json("run: null and job: null", v.replaceFirst("\"run\":\\{[^}]*}}", "\"run\":null")
                        .replaceFirst("\"job\":\\{[^}]*}", "\"job\":null"), 400, "missing_field", "run", null),
                json("eventTime: null", v.replace("\"2026-06-01T10:00:00Z\"", "null"), 400, "missing_field", "eventTime",
                        null),
                json("producer: null", v.replace("\"https://example.com/hostile\"", "null"), 400, "missing_field",
                        "producer", null),
                json("run.runId: null", v.replaceFirst("\"runId\":\"[^\"]*\"", "\"runId\":null"), 400, "missing_field",
                        "run.runId", null),
                json("run.runId empty", v.replaceFirst("\"runId\":\"[^\"]*\"", "\"runId\":\"\""), 400, "missing_field",
                        "run.runId", null),
                json("job.name: null", v.replace("\"name\":\"job\"", "\"name\":null"), 400, "missing_field", "job.name",
                        null),
                json("job.namespace: null", v.replace("\"namespace\":\"hostile\"", "\"namespace\":null"), 400,
                        "missing_field", "job.namespace", null),
                json("inputs[0].namespace: null", v.replace("\"namespace\":\"s3://hostile\"", "\"namespace\":null"), 400,
                        "missing_field", "inputs[0].namespace", null),
                json("eventType: 42", v.replace("\"START\"", "42"), 400, "invalid_value", "eventType", null),
                json("job is a string", v.replaceFirst("\"job\":\\{[^}]*}", "\"job\":\"job\""), 400, "invalid_type", "job",
                        null),
                json("run is an array", v.replaceFirst("\"run\":\\{[^}]*}}", "\"run\":[]"), 400, "invalid_type", "run", null),
                json("inputs is an object", v.replace("\"inputs\":[{\"namespace\":\"s3://hostile\",\"name\":\"in.csv\"}]",
                        "\"inputs\":{}"), 400, "invalid_type", "inputs", null),
                json("an output that is a number", v.replace("\"outputs\":[]", "\"outputs\":[7]"), 400, "invalid_type",
                        "outputs[0]", null),
                json("a JSON string as the whole body", "\"event\"", 400, "invalid_event", "", null),
                json("null as the whole body", "null", 400, "invalid_event", "", null),
                // control characters in names
                json("newline in the job name", v.replace("\"name\":\"job\"", "\"name\":\"jo\\nb\""), 400, "invalid_value",
                        "job.name", "control character"),
                json("NUL in a dataset name", v.replace("in.csv", "in\\u0000.csv"), 400, "invalid_value", "inputs[0].name",
                        "control character"),
                json("DEL in the job namespace", v.replace("\"namespace\":\"hostile\"", "\"namespace\":\"host\\u007file\""),
                        400, "invalid_value", "job.namespace", "control character"),
                json("tab in the runId", v.replace("\"runId\":\"", "\"runId\":\"\\t"), 400, "invalid_value",
                        "run.runId", "control character"),
                // more broken JSON and encodings
                json("an empty body", "", 400, "malformed_json", null, null),
                json("a lone opening brace", "{", 400, "malformed_json", null, null),
                json("two documents", v + v, 400, "malformed_json", null, null),
                json("trailing garbage", v + " x", 400, "malformed_json", null, null),
                json("a duplicate key deep inside a facet", event(UUID.randomUUID().toString(), "job", "in.csv",
                        "{\"f\":{\"a\":{\"b\":1,\"b\":2}}}"), 400, "malformed_json", null, "Duplicate field 'b'"),
                json("501 levels of nesting in a facet", event(UUID.randomUUID().toString(), "job", "in.csv",
                        "{\"deep\":" + "[".repeat(501) + "]".repeat(501) + "}"), 400, "malformed_json", null, null),
                json("a lone low surrogate in a facet key", event(UUID.randomUUID().toString(), "job", "in.csv",
                        "{\"\\udc00\":{}}"), 400, "invalid_encoding", null, null),
                new Rejected("an overlong UTF-8 encoding", withBytes(v, "in.csv", (byte) 0xC0, (byte) 0xAF),
                        "application/json", "/api/v1/lineage", 400, "invalid_encoding", null, null),
                new Rejected("a 0xFF byte", withBytes(v, "in.csv", (byte) 0xFF, (byte) 'n'), "application/json",
                        "/api/v1/lineage", 400, "invalid_encoding", null, null),
                new Rejected("10,000 levels of nesting posted as a batch array",
                        bytes("[" + "[".repeat(10_000) + "]".repeat(10_000) + "]"), "application/json",
                        "/api/v1/lineage/batch", 400, "malformed_json", null, null),
                // wrong content types
                new Rejected("Content-Type application/xml", bytes(v), "application/xml", "/api/v1/lineage", 415,
                        "unsupported_media_type", "Content-Type", null),
                new Rejected("Content-Type application/x-www-form-urlencoded (curl's default)", bytes(v),
                        "application/x-www-form-urlencoded", "/api/v1/lineage", 415, "unsupported_media_type",
                        "Content-Type", null),
                new Rejected("Content-Type multipart/form-data", bytes(v), "multipart/form-data; boundary=x",
                        "/api/v1/lineage", 415, "unsupported_media_type", "Content-Type", null),
                new Rejected("Content-Type application/x-ndjson on the single-event endpoint", bytes(v),
                        "application/x-ndjson", "/api/v1/lineage", 415, "unsupported_media_type", "Content-Type", null),
                new Rejected("Content-Type text/csv on the batch endpoint", bytes(v), "text/csv", "/api/v1/lineage/batch",
                        415, "unsupported_media_type", "Content-Type", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void hostileInputIsRejectedWithTheJsonErrorAndNothingIsWritten(Rejected input) {
        GraphCounts before = GraphCounts.of(graph);
        // java.net.http rather than RestAssured, which would form-encode a form content type itself.
        HttpResponse<String> response = new Api("http://localhost:" + RestAssured.port, TestResources.ADMIN_TOKEN)
                .post(input.endpoint(), input.body(), input.contentType());
        String shown = abbreviate(response.body());
        assertThat(response.statusCode()).as(shown).isEqualTo(input.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonPath error = JsonPath.from(response.body());
        assertThat(error.getString("error")).as(shown).isEqualTo(input.error());
        assertThat(error.getString("message")).isNotBlank();
        if (input.path() != null) {
            assertThat(error.getString("path")).as(shown).isEqualTo(input.path());
        }
        if (input.messagePart() != null) {
            assertThat(error.getString("message")).contains(input.messagePart());
        }
        assertThat(GraphCounts.of(graph)).isEqualTo(before);
        assertStillHealthy();
    }

    @Test
    void aFifteenMegabyteFacetStringIsUnderEveryLimitAndStoredIntact() {
        String runId = UUID.randomUUID().toString();
        String text = "y".repeat(15_000_000);
        Response response = authorized().contentType("application/json")
                .body(bytes(event(runId, "big-facet", "in.csv", "{\"big\":{\"text\":\"" + text + "\"}}")))
                .post("/api/v1/lineage");
        assertThat(response.statusCode()).as(abbreviate(response.asString())).isEqualTo(201);
        assertThat(graph.count("""
                MATCH (r:Run {runId: $runId}) WHERE size(r.`facet.big`) = $length RETURN count(r)""",
                Map.of("runId", runId, "length", ("{\"text\":\"" + text + "\"}").length()))).isEqualTo(1);
        assertStillHealthy();
    }

    @Test
    void aNumberWithAHugeExponentIsKeptExactlyAsSent() {
        String runId = UUID.randomUUID().toString();
        authorized().contentType("application/json")
                .body(bytes(event(runId, "huge-exponent", "in.csv", "{\"n\":{\"value\":1e999999,\"tiny\":-1E-999999}}")))
                .post("/api/v1/lineage").then().statusCode(201);
        // Canonical JSON writes exponents in one normal form (decisions.md), never as Infinity or 0.
        assertThat(graph.query("MATCH (r:Run {runId: $runId}) RETURN r.`facet.n` AS n", Map.of("runId", runId))
                .get(0).get("n").asString()).isEqualTo("{\"tiny\":-1E-999999,\"value\":1E+999999}");
        authorized().queryParam("runId", runId).get("/api/v1/runs").then().statusCode(200);
        assertStillHealthy();
    }

    @Test
    void runNullIsNoRunSoTheDocumentIsAJobEvent() {
        // decisions.md: the kind is told by shape and a null value counts as absent, so this is a JobEvent
        // (eventType is read only on run events): accepted, and no run is made.
        String body = valid().replaceFirst("\"run\":\\{[^}]*}}", "\"run\":null").replace("\"name\":\"job\"",
                "\"name\":\"run-null\"");
        Response response = authorized().contentType("application/json").body(bytes(body)).post("/api/v1/lineage");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        assertThat(graph.count("MATCH (e:Event {hash: $hash, kind: 'JOB'}) WHERE e.runId IS NULL RETURN count(e)",
                Map.of("hash", response.jsonPath().getString("hash")))).isEqualTo(1);
        assertThat(graph.count("MATCH (:Run)-[:OF]->(:Job {namespace: 'hostile', name: 'run-null'}) RETURN count(*)"))
                .isZero();
    }

    static Stream<Arguments> injectionLookingNames() {
        return Stream.of(
                Arguments.of("quote, brace and a comment in the job name", "x'}) DETACH DELETE n //", "in.csv"),
                Arguments.of("backtick and arrow in the dataset name", "job", "`]->(m) MATCH (n) DETACH DELETE n"),
                Arguments.of("statement separator and parameters", "\"; MATCH (n) DETACH DELETE n; //", "$rows"),
                Arguments.of("unicode escapes and backslashes", "\\u0027) RETURN 1 //", "a\\`b'c\"d"),
                Arguments.of("a whole Cypher query", "MATCH (n) DETACH DELETE n", "CALL db.clearQueryCaches()"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("injectionLookingNames")
    void cypherLookingNamesAreStoredAndShownLiterally(String description, String jobName, String datasetName) {
        String sentinel = UUID.randomUUID().toString();
        authorized().contentType("application/json").body(bytes(event(sentinel, "sentinel", "sentinel.csv", "{}")))
                .post("/api/v1/lineage").then().statusCode(201);
        GraphCounts before = GraphCounts.of(graph);
        Set<String> nodesBefore = nodeIds();

        String runId = jobName + " " + UUID.randomUUID();
        authorized().contentType("application/json").body(bytes(event(runId, jobName, datasetName, "{}")))
                .post("/api/v1/lineage").then().statusCode(201);

        Response run = authorized().queryParam("runId", runId).get("/api/v1/runs");
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(run.jsonPath().getString("runId")).isEqualTo(runId);
        assertThat(run.jsonPath().getString("job.name")).isEqualTo(jobName);
        assertThat(run.jsonPath().getString("job.namespace")).isEqualTo("hostile");
        assertThat(graph.count("""
                MATCH (:Run {runId: $runId})-[:READ]->(:DatasetVersion)-[:VERSION_OF]->(d:Dataset {namespace: 's3://hostile'})
                WHERE d.name = $name RETURN count(d)""", Map.of("runId", runId, "name", datasetName))).isEqualTo(1);
        // Only additions: the event and its run, the job, dataset and version when they are new.
        GraphCounts after = GraphCounts.of(graph);
        assertThat(after.events()).isEqualTo(before.events() + 1);
        assertThat(after.nodes()).isBetween(before.nodes() + 2, before.nodes() + 5);
        assertThat(after.relationships()).isBetween(before.relationships() + 2, before.relationships() + 4);
        assertThat(nodeIds()).containsAll(nodesBefore);
        assertThat(graph.count("MATCH (r:Run {runId: $runId})-[:OF]->(:Job {name: 'sentinel'}) RETURN count(r)",
                Map.of("runId", sentinel))).isEqualTo(1);
        assertStillHealthy();
    }

    @ParameterizedTest(name = "eventTime {0}")
    @MethodSource("extremeEventTimes")
    void theExtremeEventTimesJavaAndNeo4jShareAreStored(String eventTime) {
        String runId = UUID.randomUUID().toString();
        authorized().contentType("application/json")
                .body(bytes(event(runId, "extreme-time", "in.csv", "{}").replace("2026-06-01T10:00:00Z", eventTime)))
                .post("/api/v1/lineage").then().statusCode(201);
        authorized().queryParam("runId", runId).get("/api/v1/runs").then().statusCode(200);
        assertStillHealthy();
    }

    static Stream<String> extremeEventTimes() {
        return Stream.of("+999999999-12-31T23:59:59.999999999Z", "-999999999-01-01T00:00:00+18:00",
                "0000-01-01T00:00:00-18:00");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Set<String> nodeIds() {
        return graph.query("MATCH (n) RETURN elementId(n) AS id").stream().map(r -> r.get("id").asString())
                .collect(Collectors.toSet());
    }

    private void assertStillHealthy() {
        given().get("/q/health/ready").then().statusCode(200);
        authorized().contentType("application/json").body(bytes(valid())).post("/api/v1/lineage").then().statusCode(201);
    }

    private static Rejected json(String name, String body, int status, String error, String path, String messagePart) {
        return new Rejected(name, bytes(body), "application/json", "/api/v1/lineage", status, error, path, messagePart);
    }

    private static RequestSpecification authorized() {
        return given().auth().oauth2(TestResources.ADMIN_TOKEN);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The body with the two bytes of {@code marker} replaced by {@code a} and {@code b}. */
    private static byte[] withBytes(String body, String marker, byte a, byte b) {
        byte[] bytes = bytes(body);
        int at = body.indexOf(marker);
        bytes[at] = a;
        bytes[at + 1] = b;
        return bytes;
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
