package dev.provenant.lineage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.provenant.support.Conformance;
import dev.provenant.support.TestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/lineage on real events (Spark column lineage, Marquez's apples story) and on small stories
 * for siblings, cycles and supernodes: exact node and edge sets, directed walks, stale edges, asOf.
 */
@QuarkusTest
class LineageApiIT {

    private static boolean loaded;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        for (String file : List.of("spark/compat-cll-03-create-src1-complete.json",
                "spark/compat-cll-04-create-src2-complete.json", "spark/compat-cll-08-ctas-complete.json",
                "marquez-fixtures/apples-1-pick-apples.json", "marquez-fixtures/apples-2-apple-filling.json",
                "marquez-fixtures/apples-7-pick-different-apples.json")) {
            int status = authorized().contentType("application/json")
                    .body(Conformance.bytes(Conformance.openLineage(file))).post("/api/v1/lineage").statusCode();
            assertThat(status).as(file).isIn(200, 201);
        }
        // Two siblings reading one source; a job that reads and writes the same table; a supernode.
        post("story", "sibling_a", List.of("src"), List.of("out_a"));
        post("story", "sibling_b", List.of("src"), List.of("out_b"));
        post("story", "compact", List.of("events"), List.of("events"));
        post("story", "after_compact", List.of("events"), List.of("report"));
        StringBuilder readers = new StringBuilder();
        for (int i = 0; i < 1100; i++) {
            readers.append(event("story", "reader_" + i, List.of("hub"), List.of())).append('\n');
        }
        authorized().contentType("application/x-ndjson").body(readers.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/lineage/batch").then().statusCode(201);
        loaded = true;
    }

    @Test
    void upstreamOfASparkTableIsItsJobAndTheTablesItRead() {
        JsonPath graph = lineage(Map.of("type", "dataset", "namespace", "file:/tmp/cll_test", "name", "default.tbl1",
                "direction", "UPSTREAM", "depth", "2"));
        assertThat(names(graph)).containsExactlyInAnyOrder("dataset default.tbl1",
                "job open_lineage_integration_create_table.execute_create_hive_table_as_select_command.default_tbl1",
                "dataset default.cll_source1", "dataset default.cll_source2");
        assertThat(graph.getList("edges.type", String.class)).containsOnly("INPUT_TO", "OUTPUTS").hasSize(3);
        assertThat(graph.getBoolean("isPartial")).as("the jobs that created the sources lie beyond depth 2").isTrue();

        JsonPath deep = lineage(Map.of("type", "dataset", "namespace", "file:/tmp/cll_test", "name", "default.tbl1",
                "direction", "UPSTREAM", "depth", "10"));
        assertThat(names(deep)).hasSize(6).contains(
                "job open_lineage_integration_create_table.execute_create_table_command.cll_test_cll_source1",
                "job open_lineage_integration_create_table.execute_create_table_command.cll_test_cll_source2");
        assertThat(deep.getBoolean("isPartial")).isFalse();
    }

    @Test
    void theSymlinkedLocationFindsTheSameDataset() {
        JsonPath graph = lineage(Map.of("type", "dataset", "namespace", "file", "name", "/tmp/cll_test/tbl1",
                "direction", "UPSTREAM", "depth", "0"));
        assertThat(names(graph)).containsExactly("dataset default.tbl1");
    }

    @Test
    void columnLineageCarriesTypeSubtypeMaskingAndJob() {
        JsonPath graph = lineage(Map.of("type", "field", "namespace", "file:/tmp/cll_test", "name", "default.tbl1",
                "field", "ident", "direction", "UPSTREAM", "depth", "1"));
        assertThat(graph.getList("nodes.field", String.class)).containsExactlyInAnyOrder("ident", "a", "b", "a");
        List<Map<String, Object>> edges = graph.getList("edges");
        assertThat(edges).extracting(e -> e.get("type") + "/" + e.get("subtype") + "/" + e.get("masking"))
                .containsExactlyInAnyOrder("DIRECT/IDENTITY/false", "INDIRECT/GROUP_BY/false", "INDIRECT/JOIN/false",
                        "INDIRECT/FILTER/false", "INDIRECT/GROUP_BY/false", "INDIRECT/JOIN/false",
                        "INDIRECT/FILTER/false");
        assertThat(graph.getString("edges[0].job.namespace")).isEqualTo("testColumnLevelLineage");
        assertThat(graph.getList("edges.to", String.class)).containsOnly(graph.getString("nodes[0].id"));
    }

    @Test
    void upstreamNeverStepsSidewaysIntoSiblings() {
        JsonPath graph = lineage(Map.of("type", "dataset", "namespace", "s3://story", "name", "out_a",
                "direction", "UPSTREAM", "depth", "10"));
        assertThat(names(graph)).containsExactlyInAnyOrder("dataset out_a", "job sibling_a", "dataset src");
        JsonPath both = lineage(Map.of("type", "dataset", "namespace", "s3://story", "name", "src",
                "direction", "BOTH", "depth", "10"));
        assertThat(names(both)).containsExactlyInAnyOrder("dataset src", "job sibling_a", "dataset out_a",
                "job sibling_b", "dataset out_b");
    }

    @Test
    void staleInputsAreHiddenUnlessAskedAndAsOfShowsThePast() {
        Map<String, String> query = Map.of("type", "dataset", "namespace", "laurents-orchard", "name", "red.delicious",
                "direction", "DOWNSTREAM", "depth", "4");
        assertThat(names(lineage(query))).containsExactly("dataset red.delicious");
        JsonPath stale = lineage(with(query, "includeStale", "true"));
        assertThat(names(stale)).containsExactlyInAnyOrder("dataset red.delicious", "job gather_apples",
                "dataset apples", "job prepare_apple_filling", "dataset apple.filling");
        assertThat(stale.getList("edges.findAll { it.from.contains('red.delicious') }.current", Boolean.class))
                .containsExactly(false);
        JsonPath september = lineage(with(query, "asOf", "2020-09-05T00:00:00Z"));
        assertThat(names(september)).containsExactlyInAnyOrder("dataset red.delicious", "job gather_apples",
                "dataset apples", "job prepare_apple_filling", "dataset apple.filling");
        JsonPath august = lineage(with(query, "asOf", "2020-08-01T00:00:00Z"));
        assertThat(names(august)).containsExactly("dataset red.delicious");
    }

    @Test
    void aJobThatRewritesItsOwnInputEndsTheWalk() {
        JsonPath graph = lineage(Map.of("type", "dataset", "namespace", "s3://story", "name", "events",
                "direction", "DOWNSTREAM", "depth", "50"));
        assertThat(names(graph)).containsExactlyInAnyOrder("dataset events", "job compact", "job after_compact",
                "dataset report");
        assertThat(graph.getBoolean("isPartial")).isFalse();
    }

    @Test
    void supernodesAndNodeCapsAreCutAndSaySo() {
        JsonPath hub = lineage(Map.of("type", "dataset", "namespace", "s3://story", "name", "hub",
                "direction", "DOWNSTREAM", "depth", "1"));
        assertThat(hub.getList("nodes")).hasSize(LineageService.MAX_FAN_OUT + 1);
        assertThat(hub.getBoolean("isPartial")).isTrue();
        JsonPath capped = lineage(Map.of("type", "dataset", "namespace", "s3://story", "name", "hub",
                "direction", "DOWNSTREAM", "depth", "1", "maxNodes", "10"));
        assertThat(capped.getList("nodes")).hasSize(10);
        assertThat(capped.getList("edges")).hasSize(9);
        assertThat(capped.getBoolean("isPartial")).isTrue();
        JsonPath shallow = lineage(Map.of("type", "dataset", "namespace", "s3://story", "name", "src",
                "direction", "DOWNSTREAM", "depth", "1"));
        assertThat(shallow.getBoolean("isPartial")).as("outputs lie beyond depth 1").isTrue();
    }

    @Test
    void badParametersAndUnknownEntitiesGetTheErrorShape() {
        authorized().queryParams(Map.of("type", "table", "namespace", "x", "name", "y")).get("/api/v1/lineage")
                .then().statusCode(400).body("error", equalTo("invalid_value")).body("path", equalTo("type"));
        authorized().queryParams(Map.of("type", "field", "namespace", "x", "name", "y")).get("/api/v1/lineage")
                .then().statusCode(400).body("error", equalTo("missing_parameter")).body("path", equalTo("field"));
        authorized().queryParams(Map.of("type", "dataset", "namespace", "x", "name", "y", "depth", "101"))
                .get("/api/v1/lineage").then().statusCode(400).body("path", equalTo("depth"));
        authorized().queryParams(Map.of("type", "dataset", "namespace", "x", "name", "y", "maxNodes", "lots"))
                .get("/api/v1/lineage").then().statusCode(400).body("path", equalTo("maxNodes"));
        authorized().queryParams(Map.of("type", "dataset", "namespace", "x", "name", "y", "asOf", "yesterday"))
                .get("/api/v1/lineage").then().statusCode(400).body("path", equalTo("asOf"));
        authorized().queryParams(Map.of("type", "dataset", "namespace", "no", "name", "such"))
                .get("/api/v1/lineage").then().statusCode(404).body("error", equalTo("not_found"));
    }

    private static List<String> names(JsonPath graph) {
        return graph.getList("nodes", Map.class).stream().map(n -> n.get("type") + " " + n.get("name")).toList();
    }

    private static Map<String, String> with(Map<String, String> query, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(query);
        copy.put(key, value);
        return copy;
    }

    private static JsonPath lineage(Map<String, String> query) {
        return authorized().queryParams(query).get("/api/v1/lineage").then().statusCode(200).extract().jsonPath();
    }

    private static void post(String namespace, String job, List<String> inputs, List<String> outputs) {
        authorized().contentType("application/json").body(event(namespace, job, inputs, outputs))
                .post("/api/v1/lineage").then().statusCode(201);
    }

    private static String event(String namespace, String job, List<String> inputs, List<String> outputs) {
        return """
                {"eventType":"COMPLETE","eventTime":"2026-06-01T00:00:00Z","producer":"https://example.com/p",\
                "run":{"runId":"%s"},"job":{"namespace":"%s","name":"%s"},"inputs":[%s],"outputs":[%s]}"""
                .formatted(UUID.randomUUID(), namespace, job, datasets(inputs), datasets(outputs));
    }

    private static String datasets(List<String> names) {
        return String.join(",", names.stream().map(n -> "{\"namespace\":\"s3://story\",\"name\":\"" + n + "\"}").toList());
    }

    private static RequestSpecification authorized() {
        return given().auth().oauth2(TestResources.ADMIN_TOKEN);
    }
}
