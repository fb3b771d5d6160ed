package dev.provenant.lineage;

import static dev.provenant.lineage.StoryEvents.authorized;
import static dev.provenant.lineage.StoryEvents.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/search over names of datasets, fields, jobs and models: parts of dotted and underscored names
 * match, the last word as a prefix too, ranked best first; Lucene syntax in the input is harmless.
 */
@QuarkusTest
class SearchApiIT {

    private static boolean loaded;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        StoryEvents.postConformance("spark/compat-cll-03-create-src1-complete.json",
                "spark/compat-cll-04-create-src2-complete.json", "spark/compat-cll-08-ctas-complete.json");
        post("""
                {"eventType":"COMPLETE","eventTime":"2026-05-01T10:00:00Z","producer":"https://example.com/story",
                 "run":{"runId":"5ea7c000-0000-4000-8000-000000000001"},
                 "job":{"namespace":"searchstory","name":"load.quokka_orders"},
                 "inputs":[{"namespace":"postgres://searchstory","name":"public.quokka_orders_raw","facets":{"schema":{
                   "_producer":"https://example.com/story","_schemaURL":"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json",
                   "fields":[{"name":"quokka_id","type":"int"},{"name":"amount","type":"int"}]}}}],
                 "outputs":[{"namespace":"s3://searchstory","name":"quokka_orders_clean","facets":{"schema":{
                   "_producer":"https://example.com/story","_schemaURL":"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json",
                   "fields":[{"name":"quokka_id","type":"int"}]}}},
                   {"namespace":"s3://searchstory","name":"quokka.orders"},
                   {"namespace":"s3://searchstory","name":"models/quokka-churn-model","facets":{"datasetType":{
                   "_producer":"https://example.com/story","_schemaURL":"https://openlineage.io/spec/facets/1-0-0/DatasetTypeDatasetFacet.json",
                   "datasetType":"MODEL"}}}]}""");
        loaded = true;
    }

    @Test
    void everyKindOfEntityIsFoundByAPartOfItsName() {
        List<String> hits = hits(search(Map.of("q", "quokka")));
        assertThat(hits).containsExactlyInAnyOrder("dataset postgres://searchstory public.quokka_orders_raw",
                "dataset s3://searchstory quokka_orders_clean", "dataset s3://searchstory quokka.orders",
                "model s3://searchstory models/quokka-churn-model",
                "field postgres://searchstory public.quokka_orders_raw quokka_id",
                "field s3://searchstory quokka_orders_clean quokka_id", "job searchstory load.quokka_orders");
    }

    @Test
    void theLastWordIsAlsoAPrefixAndAllWordsMustMatch() {
        assertThat(hits(search(Map.of("q", "quokka ord")))).containsExactlyInAnyOrder(
                "dataset postgres://searchstory public.quokka_orders_raw", "dataset s3://searchstory quokka_orders_clean",
                "dataset s3://searchstory quokka.orders", "job searchstory load.quokka_orders");
        assertThat(hits(search(Map.of("q", "public.quokka_orders_raw"))))
                .containsExactly("dataset postgres://searchstory public.quokka_orders_raw");
        assertThat(hits(search(Map.of("q", "quokka churn")))).containsExactly(
                "model s3://searchstory models/quokka-churn-model");
    }

    @Test
    void resultsAreRankedBestFirst() {
        JsonPath result = search(Map.of("q", "quokka orders"));
        assertThat(result.getList("results")).hasSize(4);
        assertThat(result.getList("results.score", Double.class)).isSortedAccordingTo(Comparator.reverseOrder());
        // The name made of exactly these words beats names that hold more.
        assertThat(result.getString("results[0].name")).isEqualTo("quokka.orders");
        assertThat(result.getDouble("results[0].score")).isGreaterThan(result.getDouble("results[1].score"));
    }

    @Test
    void typeNarrowsToOneKind() {
        assertThat(hits(search(Map.of("q", "quokka", "type", "model"))))
                .containsExactly("model s3://searchstory models/quokka-churn-model");
        assertThat(hits(search(Map.of("q", "quokka", "type", "dataset")))).containsExactlyInAnyOrder(
                "dataset postgres://searchstory public.quokka_orders_raw", "dataset s3://searchstory quokka_orders_clean",
                "dataset s3://searchstory quokka.orders");
        assertThat(hits(search(Map.of("q", "quokka", "type", "FIELD")))).containsExactlyInAnyOrder(
                "field postgres://searchstory public.quokka_orders_raw quokka_id",
                "field s3://searchstory quokka_orders_clean quokka_id");
        assertThat(hits(search(Map.of("q", "quokka", "type", "job"))))
                .containsExactly("job searchstory load.quokka_orders");
        assertThat(search(Map.of("q", "quokka", "limit", "2")).getList("results")).hasSize(2);
    }

    @Test
    void digitsInDottedNamesAreSearchable() {
        assertThat(hits(search(Map.of("q", "tbl1", "type", "dataset"))))
                .contains("dataset file:/tmp/cll_test default.tbl1");
        assertThat(hits(search(Map.of("q", "cll_source", "type", "dataset"))))
                .contains("dataset file:/tmp/cll_test default.cll_source1", "dataset file:/tmp/cll_test default.cll_source2");
    }

    @Test
    void luceneSyntaxInTheInputIsHarmless() {
        assertThat(search(Map.of("q", "a:b(")).getList("results")).isNotNull();
        assertThat(hits(search(Map.of("q", "quokka* (churn")))).containsExactly(
                "model s3://searchstory models/quokka-churn-model");
        authorized().queryParams(Map.of("q", "*:()")).get("/api/v1/search").then().statusCode(400)
                .body("error", equalTo("invalid_value")).body("path", equalTo("q"));
        authorized().get("/api/v1/search").then().statusCode(400).body("error", equalTo("missing_parameter"));
        authorized().queryParams(Map.of("q", "x", "type", "table")).get("/api/v1/search").then().statusCode(400)
                .body("path", equalTo("type"));
        authorized().queryParams(Map.of("q", "x", "limit", "0")).get("/api/v1/search").then().statusCode(400)
                .body("path", equalTo("limit"));
        authorized().queryParams(Map.of("q", "x", "limit", "many")).get("/api/v1/search").then().statusCode(400)
                .body("path", equalTo("limit"));
    }

    private static JsonPath search(Map<String, String> query) {
        return authorized().queryParams(query).get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> hits(JsonPath result) {
        return result.getList("results", Map.class).stream().map(h -> h.get("type") + " " + h.get("namespace") + " "
                + h.get("name") + (h.get("field") == null ? "" : " " + h.get("field"))).toList();
    }
}
