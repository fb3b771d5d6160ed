package dev.provenant.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provenant.support.Api;
import dev.provenant.support.Conformance;
import dev.provenant.support.Graph;
import dev.provenant.support.TestResources;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * What the real events of each producer documented in docs/integrations.md become in the graph:
 * Airflow (apache-airflow-providers-openlineage), dbt (openlineage-dbt), Flink, Spark (openlineage-spark)
 * and Hive. Every event is posted as the producer sent it, except that each {@code namespace} gets the
 * prefix {@value #TAG} and each {@code runId} a name-based replacement, so that this class has its own
 * namespaces and runs in the graph the ITs share.
 */
@QuarkusTest
class ProducerGraphIT {

    private static final String TAG = "producers-it:";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL server;

    @Inject
    Driver driver;

    @Test
    void airflowDagOfThreeBigQueryTasks() {
        post("airflow/compat-bq-dag-01-dag-start.json", "airflow/compat-bq-dag-02-upload-start.json",
                "airflow/compat-bq-dag-03-upload-complete.json", "airflow/compat-bq-dag-04-copy-start.json",
                "airflow/compat-bq-dag-05-copy-complete.json", "airflow/compat-bq-dag-06-download-start.json",
                "airflow/compat-bq-dag-07-download-complete.json", "airflow/compat-bq-dag-08-dag-complete.json");

        assertThat(lineage("gs://mock-bucket", "result.csv", "UPSTREAM")).containsExactlyInAnyOrder(
                "gs://mock-bucket/copied.csv -INPUT_TO-> airflow/BQ.upload",
                "gs://mock-bucket/test.csv -INPUT_TO-> airflow/BQ.upload",
                "airflow/BQ.upload -OUTPUTS-> bigquery/mock-project.test.upload",
                "bigquery/mock-project.test.upload -INPUT_TO-> airflow/BQ.copy",
                "airflow/BQ.copy -OUTPUTS-> bigquery/mock-project.test.upload_cp",
                "bigquery/mock-project.test.upload_cp -INPUT_TO-> airflow/BQ.download",
                "airflow/BQ.download -OUTPUTS-> gs://mock-bucket/result.csv");
        // legacy transformationType IDENTITY
        assertThat(feeds("bigquery", "mock-project.test.upload_cp")).containsExactlyInAnyOrder(
                "mock-project.test.upload.a -> a DIRECT/IDENTITY masking=false job=BQ.copy",
                "mock-project.test.upload.b -> b DIRECT/IDENTITY masking=false job=BQ.copy",
                "mock-project.test.upload.c -> c DIRECT/IDENTITY masking=false job=BQ.copy",
                "mock-project.test.upload.d -> d DIRECT/IDENTITY masking=false job=BQ.copy");
        assertThat(feeds("bigquery", "mock-project.test.upload")).hasSize(8);
        assertThat(runs("airflow")).containsExactlyInAnyOrder("BQ COMPLETE parent=-", "BQ.upload COMPLETE parent=BQ",
                "BQ.copy COMPLETE parent=BQ", "BQ.download COMPLETE parent=BQ");
    }

    @Test
    void airflowSqlTaskFromTheProviderWithEmptyTransformationTypes() {
        postLines("airflow/data-rentgen-airflow-dag.ndjson");
        assertThat(lineage("postgres://postgres:5432", "food_delivery.public.popular_orders_day_of_week", "UPSTREAM"))
                .containsExactlyInAnyOrder(
                        "postgres://postgres:5432/food_delivery.public.top_delivery_times -INPUT_TO-> http://airflow-host:8081/mydag.mytask",
                        "http://airflow-host:8081/mydag.mytask -OUTPUTS-> postgres://postgres:5432/food_delivery.public.popular_orders_day_of_week");
        assertThat(feeds("postgres://postgres:5432", "food_delivery.public.popular_orders_day_of_week"))
                .containsExactlyInAnyOrder(
                        "food_delivery.public.top_delivery_times.order_placed_on -> order_day_of_week DIRECT/UNKNOWN masking=false job=mydag.mytask",
                        "food_delivery.public.top_delivery_times.order_placed_on -> order_placed_on DIRECT/UNKNOWN masking=false job=mydag.mytask");
        assertThat(runs("http://airflow-host:8081")).containsExactlyInAnyOrder("mydag COMPLETE parent=-",
                "mydag.mytask COMPLETE parent=mydag");
    }

    @Test
    void dbtRunWithAModelAndATest() {
        post("dbt/compat-dbt-1.40-01-wrapper-start.json", "dbt/compat-dbt-1.40-06-model-start.json",
                "dbt/compat-dbt-1.40-09-model-complete.json", "dbt/compat-dbt-1.40-12-test-start.json",
                "dbt/compat-dbt-1.40-17-test-complete.json", "dbt/compat-dbt-1.40-02-wrapper-complete.json");
        String model = "dbt_test.main.openlineage_compatibility_test.customer_analytics";
        assertThat(lineage("postgres://localhost:5432", "dbt_test.main.customer_analytics", "BOTH")).containsExactlyInAnyOrder(
                "postgres://localhost:5432/dbt_test.main.stg_customers -INPUT_TO-> dbt/" + model,
                "postgres://localhost:5432/dbt_test.main.stg_orders -INPUT_TO-> dbt/" + model,
                "dbt/" + model + " -OUTPUTS-> postgres://localhost:5432/dbt_test.main.customer_analytics",
                "postgres://localhost:5432/dbt_test.main.customer_analytics -INPUT_TO-> dbt/" + model + ".test");
        // dbt-ol sends input fields without transformations: DIRECT, subtype unknown
        String job = " DIRECT/UNKNOWN masking=false job=" + model;
        assertThat(feeds("postgres://localhost:5432", "dbt_test.main.customer_analytics")).containsExactlyInAnyOrder(
                "dbt_test.main.stg_orders.completed_amount -> avg_order_value" + job,
                "dbt_test.main.stg_customers.customer_id -> customer_id" + job,
                "dbt_test.main.stg_customers.customer_name -> customer_name" + job,
                "dbt_test.main.stg_customers.email -> email" + job,
                "dbt_test.main.stg_orders.order_date -> last_order_date" + job,
                "dbt_test.main.stg_customers.segment -> segment" + job,
                "dbt_test.main.stg_orders.order_id -> total_orders" + job,
                "dbt_test.main.stg_orders.completed_amount -> total_revenue" + job,
                "dbt_test.main.stg_customers.value_tier -> value_tier" + job);
        // the model's and the test's parent facets name two runs of the invocation's job other than the
        // run of its START/COMPLETE: they are kept as runs known only as parents
        assertThat(runs("dbt")).containsExactlyInAnyOrder("dbt-run-openlineage_compatibility_test COMPLETE parent=-",
                "dbt-run-openlineage_compatibility_test (parent only) parent=-",
                "dbt-run-openlineage_compatibility_test (parent only) parent=-",
                model + " COMPLETE parent=dbt-run-openlineage_compatibility_test",
                model + ".test COMPLETE parent=dbt-run-openlineage_compatibility_test");
    }

    @Test
    void flinkStreamingJobBetweenKafkaTopics() {
        postLines("flink/data-rentgen-flink-kafka.ndjson");
        String job = "http://localhost:18081/insert-into_default_catalog.default_database.kafka_output";
        // each topic carries a TABLE symlink to its Flink SQL table: the table is the dataset, the topic an alias
        assertThat(lineage("kafka://kafka-host2:9092", "output_topic", "UPSTREAM")).containsExactlyInAnyOrder(
                "kafka://kafka-host1:9092/default_catalog.default_database.kafka_input -INPUT_TO-> " + job,
                job + " -OUTPUTS-> kafka://kafka-host2:9092/default_catalog.default_database.kafka_output");
        assertThat(feeds("kafka://kafka-host2:9092", "default_catalog.default_database.kafka_output")).isEmpty();
        assertThat(runs("http://localhost:18081"))
                .containsExactly("insert-into_default_catalog.default_database.kafka_output COMPLETE parent=-");
    }

    @Test
    void sparkCreateTableAsSelectWithColumnLineageThroughSymlinks() {
        post("spark/compat-cll-01-app-start.json", "spark/compat-cll-02-create-src1-start.json",
                "spark/compat-cll-03-create-src1-complete.json", "spark/compat-cll-04-create-src2-complete.json",
                "spark/compat-cll-05-ctas-start.json", "spark/compat-cll-06-ctas-running.json",
                "spark/compat-cll-07-ctas-running-stats.json", "spark/compat-cll-08-ctas-complete.json",
                "spark/compat-cll-09-app-complete.json");
        String ctas = "testColumnLevelLineage/open_lineage_integration_create_table"
                + ".execute_create_hive_table_as_select_command.default_tbl1";
        // the file locations are aliases of the Hive tables named by the symlinks facet
        assertThat(lineage("file", "/tmp/cll_test/tbl1", "UPSTREAM")).containsExactlyInAnyOrder(
                "file:/tmp/cll_test/default.cll_source1 -INPUT_TO-> " + ctas,
                "file:/tmp/cll_test/default.cll_source2 -INPUT_TO-> " + ctas,
                ctas + " -OUTPUTS-> file:/tmp/cll_test/default.tbl1",
                "testColumnLevelLineage/open_lineage_integration_create_table.execute_create_table_command"
                        + ".cll_test_cll_source1 -OUTPUTS-> file:/tmp/cll_test/default.cll_source1",
                "testColumnLevelLineage/open_lineage_integration_create_table.execute_create_table_command"
                        + ".cll_test_cll_source2 -OUTPUTS-> file:/tmp/cll_test/default.cll_source2");
        List<String> edges = feeds("file:/tmp/cll_test", "default.tbl1");
        assertThat(edges).hasSize(21);
        assertThat(edges.stream().filter(e -> e.contains(" DIRECT/")).map(e -> e.substring(0, e.indexOf(" masking"))))
                .containsExactlyInAnyOrder("default.cll_source1.a -> ident DIRECT/IDENTITY",
                        "default.cll_source1.b -> trans DIRECT/TRANSFORMATION",
                        "default.cll_source2.c -> agg DIRECT/AGGREGATION");
        assertThat(edges.stream().filter(e -> e.contains("-> agg INDIRECT/")).map(e -> e.substring(0, e.indexOf(" masking"))))
                .containsExactlyInAnyOrder("default.cll_source1.a -> agg INDIRECT/GROUP_BY",
                        "default.cll_source1.a -> agg INDIRECT/JOIN", "default.cll_source1.a -> agg INDIRECT/FILTER",
                        "default.cll_source1.b -> agg INDIRECT/GROUP_BY", "default.cll_source2.a -> agg INDIRECT/JOIN",
                        "default.cll_source2.a -> agg INDIRECT/FILTER");
        assertThat(runs("testColumnLevelLineage")).containsExactlyInAnyOrder(
                "open_lineage_integration_create_table COMPLETE parent=-",
                "open_lineage_integration_create_table.execute_create_table_command.cll_test_cll_source1 COMPLETE"
                        + " parent=open_lineage_integration_create_table",
                "open_lineage_integration_create_table.execute_create_table_command.cll_test_cll_source2 COMPLETE"
                        + " parent=open_lineage_integration_create_table",
                "open_lineage_integration_create_table.execute_create_hive_table_as_select_command.default_tbl1"
                        + " COMPLETE parent=open_lineage_integration_create_table");
    }

    @Test
    void hiveCreateTableAsSelectWithDatasetWideJoin() {
        post("hive/data-rentgen-hive-ctas.json");
        String job = "hive://test-hadoop:10000/createtable_as_select.mydatabase.target_table";
        assertThat(lineage("hive://test-hadoop:9083", "mydatabase.target_table", "UPSTREAM")).containsExactlyInAnyOrder(
                "hive://test-hadoop:9083/mydatabase.source_table -INPUT_TO-> " + job,
                job + " -OUTPUTS-> hive://test-hadoop:9083/mydatabase.target_table");
        String by = " masking=false job=createtable_as_select.mydatabase.target_table";
        assertThat(feeds("hive://test-hadoop:9083", "mydatabase.target_table")).containsExactlyInAnyOrder(
                "mydatabase.source_table.dt -> dt DIRECT/IDENTITY" + by,
                "mydatabase.source_table.customer_id -> customer_id DIRECT/IDENTITY" + by,
                "mydatabase.source_table.total_spent -> total_spent DIRECT/IDENTITY" + by,
                "mydatabase.source_table.customer_id -> dt INDIRECT/JOIN" + by,
                "mydatabase.source_table.customer_id -> customer_id INDIRECT/JOIN" + by,
                "mydatabase.source_table.customer_id -> total_spent INDIRECT/JOIN" + by);
        assertThat(runs("hive://test-hadoop:10000"))
                .containsExactly("createtable_as_select.mydatabase.target_table COMPLETE parent=-");
    }

    private void post(String... files) {
        for (String file : files) {
            HttpResponse<String> response = api().post("/api/v1/lineage",
                    isolate(new String(Conformance.bytes(Conformance.openLineage(file)), StandardCharsets.UTF_8)));
            assertThat(response.statusCode()).as(file + ": " + response.body()).isIn(200, 201);
        }
    }

    private void postLines(String file) {
        for (String line : Conformance.lines(Conformance.openLineage(file))) {
            HttpResponse<String> response = api().post("/api/v1/lineage", isolate(line));
            assertThat(response.statusCode()).as(file + ": " + response.body()).isIn(200, 201);
        }
    }

    /** Dataset lineage from the read API, as {@code namespace/name -TYPE-> namespace/name}, without the tag. */
    private List<String> lineage(String namespace, String name, String direction) {
        HttpResponse<String> response = api().get("/api/v1/lineage?type=dataset&namespace=" + encode(TAG + namespace)
                + "&name=" + encode(name) + "&direction=" + direction + "&depth=20");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode graph = read(response.body());
        Map<String, String> nodes = new HashMap<>();
        graph.get("nodes").forEach(n -> nodes.put(n.get("id").asText(),
                n.get("namespace").asText().substring(TAG.length()) + "/" + n.get("name").asText()));
        List<String> edges = new ArrayList<>();
        graph.get("edges").forEach(e -> edges.add(nodes.get(e.get("from").asText()) + " -" + e.get("type").asText()
                + "-> " + nodes.get(e.get("to").asText())));
        return edges;
    }

    /** Column lineage into a dataset's fields. */
    private List<String> feeds(String namespace, String dataset) {
        return new Graph(driver).query("""
                MATCH (s:Field)-[f:FEEDS]->(t:Field {namespace: $ns, dataset: $ds})
                RETURN s.dataset + '.' + s.path + ' -> ' + t.path + ' ' + f.type + '/' + f.subtype
                       + ' masking=' + f.masking + ' job=' + f.jobName AS edge""",
                Map.of("ns", TAG + namespace, "ds", dataset)).stream().map(r -> r.get("edge").asString()).toList();
    }

    /** The runs of a job namespace: job name, state and the parent run's job. */
    private List<String> runs(String jobNamespace) {
        return new Graph(driver).query("""
                MATCH (r:Run)-[:OF]->(j:Job {namespace: $ns})
                OPTIONAL MATCH (r)-[:CHILD_OF]->(:Run)-[:OF]->(pj:Job)
                RETURN j.name + ' ' + coalesce(r.state, '(parent only)') + ' parent=' + coalesce(pj.name, '-') AS run""",
                Map.of("ns", TAG + jobNamespace)).stream().map(r -> r.get("run").asString()).toList();
    }

    /** Gives the event this class's own namespaces and run ids (consistently across parent references). */
    static byte[] isolate(String event) {
        JsonNode root = read(event);
        rewrite(root);
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void rewrite(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, String>> replace = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual() && field.getKey().equals("namespace")) {
                    replace.add(Map.entry(field.getKey(), TAG + field.getValue().asText()));
                } else if (field.getValue().isTextual() && field.getKey().equals("runId")) {
                    replace.add(Map.entry(field.getKey(), UUID.nameUUIDFromBytes((TAG + field.getValue().asText())
                            .getBytes(StandardCharsets.UTF_8)).toString()));
                } else {
                    rewrite(field.getValue());
                }
            }
            replace.forEach(r -> object.put(r.getKey(), r.getValue()));
        } else if (node.isArray()) {
            node.forEach(ProducerGraphIT::rewrite);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Api api() {
        return new Api("http://" + server.getHost() + ":" + server.getPort(), TestResources.ADMIN_TOKEN);
    }
}
