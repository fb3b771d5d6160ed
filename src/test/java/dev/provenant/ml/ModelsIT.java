package dev.provenant.ml;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.provenant.support.Graph;
import dev.provenant.support.TestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Models and features: classification by the datasetType facet (as the DVC hook sends it too) and by the
 * default name rules, re-classification, and a training story (raw data -> feature job -> features table
 * -> train job -> model) read back through GET /api/v1/models.
 */
@QuarkusTest
class ModelsIT {

    private static final String RAW = "s3://ml-it-raw";
    private static final String WAREHOUSE = "warehouse://ml-it";
    private static final String MODELS = "s3://ml-it-models";
    private static final String JOBS = "ml-it-jobs";
    private static final String PRODUCER = "https://example.com/ml-it";
    private static boolean loaded;

    @Inject
    Driver driver;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        // The story: two raw tables, a feature job, a features table, two training runs of one model.
        post(runEvent("11111111-0000-4000-8000-000000000001", "build_features", "2026-05-01T10:00:00Z",
                jobFacets("abc123", ""), "{}",
                List.of(dataset(RAW, "clicks", "{}"), dataset(RAW, "users", "{}")),
                List.of(dataset(WAREHOUSE, "churn_features", "{\"datasetType\":" + type("FEATURE") + "}"))));
        post(runEvent("11111111-0000-4000-8000-000000000002", "train_churn", "2026-05-01T11:00:00Z",
                jobFacets("def456", ",\"hyperparameters\":{\"_producer\":\"" + PRODUCER
                        + "\",\"_schemaURL\":\"https://example.com/s\",\"search\":\"grid\"}"),
                "{\"params\":{\"_producer\":\"" + PRODUCER + "\",\"_schemaURL\":\"https://example.com/s\","
                        + "\"train.lr\":0.1,\"train.epochs\":10}}",
                List.of(dataset(WAREHOUSE, "churn_features", "{}")),
                List.of(modelOutput("v1", "0.91"))));
        post(runEvent("11111111-0000-4000-8000-000000000003", "train_churn", "2026-05-02T11:00:00Z",
                jobFacets("def456", ""),
                "{\"params\":{\"_producer\":\"" + PRODUCER + "\",\"_schemaURL\":\"https://example.com/s\","
                        + "\"train.lr\":0.05,\"train.epochs\":20}}",
                List.of(dataset(WAREHOUSE, "churn_features", "{}")),
                List.of(modelOutput("v2", "0.93"))));
        // A sibling reading the same raw table: never upstream of the model.
        post(runEvent("11111111-0000-4000-8000-000000000004", "click_report", "2026-05-01T12:00:00Z",
                "{}", "{}", List.of(dataset(RAW, "clicks", "{}")), List.of(dataset(WAREHOUSE, "click_report", "{}"))));
        // A DVC artifact of type model, as the DVC hook emits it: datasetType MODEL, a name no rule matches.
        post(runEvent("11111111-0000-4000-8000-000000000005", "dvc_train", "2026-05-01T13:00:00Z", "{}", "{}",
                List.of(), List.of(dataset("dvc://ml-it-repo", "artifacts/classifier",
                        "{\"datasetType\":" + type("MODEL") + "}"))));
        // Names the default rules classify, and near misses they must not.
        post(runEvent("11111111-0000-4000-8000-000000000006", "export", "2026-05-01T14:00:00Z", "{}", "{}",
                List.of(), List.of(dataset("s3://ml-it-bucket", "models/churn/v3", "{}"),
                        dataset("file", "/ml-it/clf.pkl", "{}"),
                        dataset("s3://models", "ml-it-ranker", "{}"),
                        dataset("postgres://ml-it-db:5432", "feature_store.public.user_features", "{}"),
                        dataset("s3://ml-it-bucket", "features/daily", "{}"),
                        dataset("s3://ml-it-bucket", "modeling/results.csv", "{}"),
                        dataset("s3://ml-it-bucket", "features_v1.csv", "{}"),
                        dataset("s3://ml-it-bucket", "pickles.csv", "{}"))));
        loaded = true;
    }

    @Test
    void theDatasetTypeFacetLabelsModelsAndFeatures() {
        assertThat(labels(MODELS, "churn")).containsExactlyInAnyOrder("Dataset", "Model");
        assertThat(labels(WAREHOUSE, "churn_features")).containsExactlyInAnyOrder("Dataset", "Feature");
        assertThat(labels("dvc://ml-it-repo", "artifacts/classifier")).containsExactlyInAnyOrder("Dataset", "Model");
        assertThat(labels(RAW, "clicks")).containsExactly("Dataset");
    }

    @Test
    void theDefaultNameRulesMatchNamespaceAndName() {
        assertThat(labels("s3://ml-it-bucket", "models/churn/v3")).as("models/ directory").contains("Model");
        assertThat(labels("file", "/ml-it/clf.pkl")).as(".pkl file").contains("Model");
        assertThat(labels("s3://models", "ml-it-ranker")).as("a bucket named models").contains("Model");
        assertThat(labels("postgres://ml-it-db:5432", "feature_store.public.user_features")).as("feature_store schema")
                .containsExactlyInAnyOrder("Dataset", "Feature");
        assertThat(labels("s3://ml-it-bucket", "features/daily")).as("features/ directory")
                .containsExactlyInAnyOrder("Dataset", "Feature");
        for (String name : List.of("modeling/results.csv", "features_v1.csv", "pickles.csv")) {
            assertThat(labels("s3://ml-it-bucket", name)).as(name).containsExactly("Dataset");
        }
    }

    @Test
    void reclassifyRestoresWhatTheFacetAndRulesSayAndRemovesTheRest() {
        try (Session session = driver.session()) {
            session.run("MATCH (d:Dataset {namespace: 's3://ml-it-bucket', name: 'pickles.csv'}) SET d:Model").consume();
            session.run("MATCH (d:Dataset {namespace: $ns, name: 'churn'}) REMOVE d:Model", Map.of("ns", MODELS)).consume();
            session.run("MATCH (d:Dataset {namespace: 's3://ml-it-bucket', name: 'features/daily'}) REMOVE d:Feature")
                    .consume();
        }
        JsonPath outcome = authorized().post("/api/v1/ml/reclassify").then().statusCode(200).extract().jsonPath();
        assertThat(outcome.getLong("changed")).isGreaterThanOrEqualTo(3);
        assertThat(outcome.getLong("models")).isPositive();
        assertThat(labels("s3://ml-it-bucket", "pickles.csv")).containsExactly("Dataset");
        assertThat(labels(MODELS, "churn")).containsExactlyInAnyOrder("Dataset", "Model");
        assertThat(labels("s3://ml-it-bucket", "features/daily")).containsExactlyInAnyOrder("Dataset", "Feature");
    }

    @Test
    void oneModelComesWithItsFullTrainingLineage() {
        JsonPath model = authorized().queryParam("namespace", MODELS).queryParam("name", "churn")
                .get("/api/v1/models").then().statusCode(200).extract().jsonPath();
        assertThat(model.getString("currentVersion")).isEqualTo("v2");
        assertThat(model.getBoolean("feature")).isFalse();
        assertThat(model.getString("facets.datasetType.datasetType")).isEqualTo("MODEL");

        List<Map<String, Object>> upstream = model.getList("upstream.datasets");
        assertThat(upstream).extracting(d -> d.get("namespace") + " " + d.get("name") + " feature=" + d.get("feature")
                + " model=" + d.get("model")).containsExactlyInAnyOrder(
                        WAREHOUSE + " churn_features feature=true model=false",
                        RAW + " clicks feature=false model=false", RAW + " users feature=false model=false");
        assertThat(model.getList("upstream.jobs.name", String.class))
                .containsExactlyInAnyOrder("train_churn", "build_features");
        assertThat(model.getBoolean("upstream.isPartial")).isFalse();

        assertThat(model.getList("trainingRuns.runId", String.class)).containsExactly(
                "11111111-0000-4000-8000-000000000003", "11111111-0000-4000-8000-000000000002");
        assertThat(model.getList("trainingRuns.version", String.class)).containsExactly("v2", "v1");
        assertThat(model.getList("trainingRuns.state", String.class)).containsOnly("COMPLETE");
        assertThat(model.getList("trainingJobs.name", String.class)).containsExactly("train_churn");
        assertThat(model.getList("trainingJobs[0].latestRuns.runId", String.class)).containsExactly(
                "11111111-0000-4000-8000-000000000003", "11111111-0000-4000-8000-000000000002");

        List<Map<String, Object>> code = model.getList("codeVersions");
        assertThat(code).extracting(c -> ((Map<?, ?>) c.get("job")).get("name") + " " + c.get("url") + " @"
                + c.get("version")).containsExactlyInAnyOrder(
                        "train_churn https://github.com/acme/churn @def456",
                        "build_features https://github.com/acme/churn @abc123");

        List<Map<String, Object>> parameters = model.getList("parameters");
        assertThat(parameters).extracting(p -> p.get("source") + " " + p.get("facet") + " " + p.get("runId"))
                .containsExactlyInAnyOrder("run params 11111111-0000-4000-8000-000000000003",
                        "run params 11111111-0000-4000-8000-000000000002", "job hyperparameters null");
        assertThat(model.getDouble("parameters.find { it.runId == '11111111-0000-4000-8000-000000000002' }"
                + ".value.'train.lr'")).isEqualTo(0.1);

        List<Map<String, Object>> metrics = model.getList("metrics");
        assertThat(metrics).extracting(m -> m.get("source") + " " + m.get("facet") + " " + m.get("version") + " auc="
                + ((Map<?, ?>) m.get("value")).get("auc")).containsExactlyInAnyOrder(
                        "output metrics v2 auc=0.93", "output metrics v1 auc=0.91");
    }

    @Test
    void theModelListShowsTrainingRunsAndUpstreamDatasets() {
        JsonPath list = authorized().queryParam("limit", 1000).get("/api/v1/models").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> churn = list.getMap("find { it.namespace == '" + MODELS + "' && it.name == 'churn' }");
        assertThat(churn).isNotNull();
        assertThat(list.getList("find { it.namespace == '" + MODELS + "' }.trainingRuns.runId", String.class))
                .containsExactly("11111111-0000-4000-8000-000000000003", "11111111-0000-4000-8000-000000000002");
        assertThat(list.getList("find { it.namespace == '" + MODELS + "' }.upstreamDatasets.name", String.class))
                .containsExactlyInAnyOrder("churn_features", "clicks", "users");
        assertThat(list.getList("find { it.namespace == '" + MODELS + "' }.trainingJobs.name", String.class))
                .containsExactly("train_churn");
        assertThat(list.getList("namespace", String.class)).contains("dvc://ml-it-repo", "s3://ml-it-bucket", "file")
                .doesNotContain(RAW, WAREHOUSE);
    }

    @Test
    void unknownDatasetsAndDatasetsThatAreNoModelsAre404() {
        authorized().queryParam("namespace", MODELS).queryParam("name", "nope").get("/api/v1/models").then()
                .statusCode(404).body("error", equalTo("not_found"));
        authorized().queryParam("namespace", RAW).queryParam("name", "clicks").get("/api/v1/models").then()
                .statusCode(404).body("message", containsString("not a model"));
        authorized().queryParam("namespace", MODELS).get("/api/v1/models").then().statusCode(400)
                .body("error", equalTo("missing_parameter"));
    }

    private List<String> labels(String namespace, String name) {
        return new Graph(driver).query("MATCH (d:Dataset {namespace: $ns, name: $name}) RETURN labels(d) AS l",
                Map.of("ns", namespace, "name", name)).get(0).get("l").asList(v -> v.asString());
    }

    private static String type(String datasetType) {
        return "{\"_producer\":\"" + PRODUCER + "\",\"_schemaURL\":\"https://openlineage.io/spec/facets/1-0-1/"
                + "DatasetTypeDatasetFacet.json\",\"datasetType\":\"" + datasetType + "\"}";
    }

    private static String jobFacets(String commit, String extra) {
        return "{\"sourceCodeLocation\":{\"_producer\":\"" + PRODUCER + "\",\"_schemaURL\":\"https://example.com/s\","
                + "\"type\":\"git\",\"url\":\"https://github.com/acme/churn\",\"version\":\"" + commit + "\"}" + extra + "}";
    }

    private static String modelOutput(String version, String auc) {
        return "{\"namespace\":\"" + MODELS + "\",\"name\":\"churn\",\"facets\":{\"datasetType\":" + type("MODEL")
                + ",\"version\":{\"_producer\":\"" + PRODUCER + "\",\"_schemaURL\":\"https://example.com/s\","
                + "\"datasetVersion\":\"" + version + "\"}},\"outputFacets\":{\"metrics\":{\"_producer\":\"" + PRODUCER
                + "\",\"_schemaURL\":\"https://example.com/s\",\"auc\":" + auc + "}}}";
    }

    private static String dataset(String namespace, String name, String facets) {
        return "{\"namespace\":\"" + namespace + "\",\"name\":\"" + name + "\",\"facets\":" + facets + "}";
    }

    private static String runEvent(String runId, String job, String time, String jobFacets, String runFacets,
            List<String> inputs, List<String> outputs) {
        return "{\"eventType\":\"COMPLETE\",\"eventTime\":\"" + time + "\",\"producer\":\"" + PRODUCER + "\","
                + "\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent\","
                + "\"run\":{\"runId\":\"" + runId + "\",\"facets\":" + runFacets + "},"
                + "\"job\":{\"namespace\":\"" + JOBS + "\",\"name\":\"" + job + "\",\"facets\":" + jobFacets + "},"
                + "\"inputs\":[" + String.join(",", inputs) + "],\"outputs\":[" + String.join(",", outputs) + "]}";
    }

    private static void post(String event) {
        authorized().contentType("application/json").body(event).post("/api/v1/lineage").then().statusCode(201);
    }

    private static RequestSpecification authorized() {
        return given().auth().oauth2(TestResources.ADMIN_TOKEN);
    }
}
