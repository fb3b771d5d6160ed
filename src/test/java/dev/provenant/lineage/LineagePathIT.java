package dev.provenant.lineage;

import static dev.provenant.lineage.StoryEvents.authorized;
import static dev.provenant.lineage.StoryEvents.complete;
import static dev.provenant.lineage.StoryEvents.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/lineage/path on real events (an Airflow DAG copying through BigQuery, Spark column lineage) and
 * small stories for shortcuts, cycles, stale edges, history and supernodes: exact paths in flow order.
 */
@QuarkusTest
class LineagePathIT {

    private static final String JOBS = "pathstory";
    private static final String DATA = "s3://pathstory";
    private static boolean loaded;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        StoryEvents.postConformance("airflow/compat-bq-dag-01-dag-start.json", "airflow/compat-bq-dag-03-upload-complete.json",
                "airflow/compat-bq-dag-05-copy-complete.json", "airflow/compat-bq-dag-07-download-complete.json",
                "spark/compat-cll-03-create-src1-complete.json", "spark/compat-cll-04-create-src2-complete.json",
                "spark/compat-cll-08-ctas-complete.json");
        // A long way round and a shortcut from raw to mart; a job that rewrites its own input.
        post(complete(JOBS, DATA, "stage", "2026-01-01T00:00:00Z", List.of("raw"), List.of("staged")));
        post(complete(JOBS, DATA, "enrich", "2026-01-01T00:00:00Z", List.of("staged"), List.of("enriched")));
        post(complete(JOBS, DATA, "publish", "2026-01-01T00:00:00Z", List.of("enriched"), List.of("mart")));
        post(complete(JOBS, DATA, "shortcut", "2026-01-01T00:00:00Z", List.of("raw"), List.of("mart")));
        post(complete(JOBS, DATA, "compact", "2026-01-01T00:00:00Z", List.of("log"), List.of("log")));
        post(complete(JOBS, DATA, "summarise", "2026-01-01T00:00:00Z", List.of("log"), List.of("summary")));
        // A job that changed its input: old_src was read until the second run completed without it.
        post(complete(JOBS, DATA, "switch", "2026-02-01T00:00:00Z", List.of("old_src"), List.of("switched")));
        post(complete(JOBS, DATA, "switch", "2026-03-01T00:00:00Z", List.of("new_src"), List.of("switched")));
        // A supernode: one dataset read by 1010 jobs (more than the fan-out cap of 1000), each writing its own output.
        StringBuilder readers = new StringBuilder();
        for (int i = 0; i < 1010; i++) {
            readers.append(complete(JOBS, DATA, "reader_" + i, "2026-01-01T00:00:00Z", List.of("hub"),
                    List.of("out_" + i))).append('\n');
        }
        authorized().contentType("application/x-ndjson").body(readers.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/lineage/batch").then().statusCode(201);
        loaded = true;
    }

    @Test
    void anAirflowDagCopiesAFileThroughBigQueryAndBack() {
        JsonPath path = path(datasets("gs://mock-bucket", "test.csv", "gs://mock-bucket", "result.csv"));
        assertThat(names(path)).containsExactly("dataset test.csv", "job BQ.upload", "dataset mock-project.test.upload",
                "job BQ.copy", "dataset mock-project.test.upload_cp", "job BQ.download", "dataset result.csv");
        assertThat(path.getList("edges.type", String.class)).containsExactly("INPUT_TO", "OUTPUTS", "INPUT_TO",
                "OUTPUTS", "INPUT_TO", "OUTPUTS");
        List<String> ids = path.getList("nodes.id", String.class);
        assertThat(path.getList("edges.from", String.class)).isEqualTo(ids.subList(0, 6));
        assertThat(path.getList("edges.to", String.class)).isEqualTo(ids.subList(1, 7));
        assertThat(path.getList("edges.current", Boolean.class)).containsOnly(true);
        assertThat(path.getBoolean("isPartial")).isFalse();
    }

    @Test
    void pathsFollowFlowDirectionOnly() {
        authorized().queryParams(datasets("gs://mock-bucket", "result.csv", "gs://mock-bucket", "test.csv"))
                .get("/api/v1/lineage/path").then().statusCode(404).body("error", equalTo("no_path"))
                .body("message", containsString("no flow path"));
        // Siblings sharing an input are not connected either.
        authorized().queryParams(datasets("gs://mock-bucket", "copied.csv", "gs://mock-bucket", "test.csv"))
                .get("/api/v1/lineage/path").then().statusCode(404).body("error", equalTo("no_path"));
    }

    @Test
    void maxDepthBoundsTheSearch() {
        Map<String, String> query = datasets("gs://mock-bucket", "test.csv", "gs://mock-bucket", "result.csv");
        authorized().queryParams(with(query, "maxDepth", "5")).get("/api/v1/lineage/path").then().statusCode(404)
                .body("error", equalTo("no_path")).body("message", containsString("within 5 edges"));
        assertThat(path(with(query, "maxDepth", "6")).getList("nodes")).hasSize(7);
    }

    @Test
    void theShortestOfTwoWaysIsTaken() {
        JsonPath path = path(datasets(DATA, "raw", DATA, "mart"));
        assertThat(names(path)).containsExactly("dataset raw", "job shortcut", "dataset mart");
        JsonPath fromJob = path(Map.of("fromType", "job", "fromNamespace", JOBS, "fromName", "stage",
                "toType", "job", "toNamespace", JOBS, "toName", "publish"));
        assertThat(names(fromJob)).containsExactly("job stage", "dataset staged", "job enrich", "dataset enriched",
                "job publish");
    }

    @Test
    void aNodeIsAPathToItself() {
        JsonPath path = path(datasets(DATA, "raw", DATA, "raw"));
        assertThat(names(path)).containsExactly("dataset raw");
        assertThat(path.getList("edges")).isEmpty();
    }

    @Test
    void aJobThatRewritesItsInputDoesNotLoop() {
        assertThat(names(path(datasets(DATA, "log", DATA, "summary"))))
                .containsExactly("dataset log", "job summarise", "dataset summary");
        authorized().queryParams(with(datasets(DATA, "summary", DATA, "log"), "maxDepth", "100"))
                .get("/api/v1/lineage/path").then().statusCode(404).body("error", equalTo("no_path"));
    }

    @Test
    void staleEdgesNeedIncludeStaleOrAPastAsOf() {
        Map<String, String> query = datasets(DATA, "old_src", DATA, "switched");
        authorized().queryParams(query).get("/api/v1/lineage/path").then().statusCode(404);
        JsonPath stale = path(with(query, "includeStale", "true"));
        assertThat(names(stale)).containsExactly("dataset old_src", "job switch", "dataset switched");
        assertThat(stale.getList("edges.current", Boolean.class)).containsExactly(false, true);
        assertThat(names(path(with(query, "asOf", "2026-02-15T00:00:00Z")))).hasSize(3);
        authorized().queryParams(with(query, "asOf", "2026-01-15T00:00:00Z")).get("/api/v1/lineage/path").then()
                .statusCode(404);
    }

    @Test
    void aSupernodeDoesNotHideThePathBehindItsFanOutCap() {
        JsonPath path = path(datasets(DATA, "hub", DATA, "out_1009"));
        assertThat(names(path)).containsExactly("dataset hub", "job reader_1009", "dataset out_1009");
        assertThat(path.getBoolean("isPartial")).as("the cap cut the hub's readers").isTrue();
    }

    @Test
    void columnLineagePathsJoinFieldsWithTheirTransformation() {
        // Spark CTAS: cll_source2.c is aggregated into tbl1.agg; tbl1 is named here by its storage location.
        JsonPath path = path(Map.of("fromType", "field", "fromNamespace", "file:/tmp/cll_test",
                "fromName", "default.cll_source2", "fromField", "c", "toType", "field", "toNamespace", "file",
                "toName", "/tmp/cll_test/tbl1", "toField", "agg"));
        assertThat(path.getList("nodes.field", String.class)).containsExactly("c", "agg");
        assertThat(path.getList("nodes.name", String.class)).containsExactly("default.cll_source2", "default.tbl1");
        assertThat(path.getString("edges[0].type") + "/" + path.getString("edges[0].subtype"))
                .isEqualTo("DIRECT/AGGREGATION");
        assertThat(path.getString("edges[0].job.namespace")).isEqualTo("testColumnLevelLineage");
        authorized().queryParams(Map.of("fromType", "field", "fromNamespace", "file:/tmp/cll_test",
                "fromName", "default.cll_source2", "fromField", "c", "toType", "field", "toNamespace", "file",
                "toName", "/tmp/cll_test/tbl1", "toField", "ident")).get("/api/v1/lineage/path").then()
                .statusCode(404).body("error", equalTo("no_path"));
    }

    @Test
    void unknownEndpointsAndBadParameters() {
        authorized().queryParams(datasets(DATA, "no_such", DATA, "mart")).get("/api/v1/lineage/path").then()
                .statusCode(404).body("error", equalTo("not_found"))
                .body("message", containsString("unknown from endpoint")).body("path", equalTo("fromName"));
        authorized().queryParams(datasets(DATA, "raw", DATA, "no_such")).get("/api/v1/lineage/path").then()
                .statusCode(404).body("error", equalTo("not_found")).body("message", containsString("unknown to endpoint"));
        Map<String, String> good = datasets(DATA, "raw", DATA, "mart");
        Map<String, String> noType = new HashMap<>(good);
        noType.remove("fromType");
        authorized().queryParams(noType).get("/api/v1/lineage/path").then().statusCode(400)
                .body("error", equalTo("missing_parameter")).body("path", equalTo("fromType"));
        authorized().queryParams(with(good, "toType", "table")).get("/api/v1/lineage/path").then().statusCode(400)
                .body("path", equalTo("toType"));
        authorized().queryParams(with(with(good, "toType", "field"), "toField", "x")).get("/api/v1/lineage/path")
                .then().statusCode(400).body("error", equalTo("invalid_value")).body("path", equalTo("toType"));
        authorized().queryParams(with(good, "fromField", "x")).get("/api/v1/lineage/path").then().statusCode(400)
                .body("path", equalTo("fromField"));
        authorized().queryParams(with(good, "maxDepth", "0")).get("/api/v1/lineage/path").then().statusCode(400)
                .body("path", equalTo("maxDepth"));
        authorized().queryParams(with(good, "maxDepth", "101")).get("/api/v1/lineage/path").then().statusCode(400)
                .body("path", equalTo("maxDepth"));
        authorized().queryParams(with(good, "maxDepth", "ten")).get("/api/v1/lineage/path").then().statusCode(400)
                .body("error", equalTo("invalid_value")).body("path", equalTo("maxDepth"));
        authorized().queryParams(with(good, "asOf", "yesterday")).get("/api/v1/lineage/path").then().statusCode(400)
                .body("path", equalTo("asOf"));
    }

    private static Map<String, String> datasets(String fromNamespace, String fromName, String toNamespace,
            String toName) {
        return Map.of("fromType", "dataset", "fromNamespace", fromNamespace, "fromName", fromName,
                "toType", "dataset", "toNamespace", toNamespace, "toName", toName);
    }

    private static Map<String, String> with(Map<String, String> query, String key, String value) {
        Map<String, String> copy = new HashMap<>(query);
        copy.put(key, value);
        return copy;
    }

    private static JsonPath path(Map<String, String> query) {
        return authorized().queryParams(query).get("/api/v1/lineage/path").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> names(JsonPath graph) {
        return graph.getList("nodes", Map.class).stream().map(n -> n.get("type") + " " + n.get("name")).toList();
    }
}
