package dev.provenant.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.provenant.support.Conformance;
import dev.provenant.support.Graph;
import dev.provenant.support.TestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * Posts every real event of ../shared/conformance/openlineage and checks each outcome against the
 * table below, then checks the graph they build: datasets, symlinks, nested fields, column lineage
 * with masking, run states (also for out-of-order arrival), parent runs and stale edges.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceIngestIT {

    /** How a file is posted and what each of its events must get. */
    private record Expected(Mode mode, int status, String error, String path, String why) {
        static Expected accepted(Mode mode, String why) {
            return new Expected(mode, mode == Mode.SINGLE ? 201 : 201, null, null, why);
        }
    }

    private enum Mode {
        /** One event per request. */
        SINGLE,
        /** NDJSON, each line posted on its own in file order. */
        LINES,
        /** NDJSON, each line posted on its own, newest first. */
        LINES_REVERSED,
        /** A JSON array, posted as one batch. */
        BATCH
    }

    private static final String VALID = "valid against the spec";

    /** Every file of the corpus; a test fails when a file is added without a row here. */
    private static final Map<String, Expected> OUTCOMES = new LinkedHashMap<>();

    static {
        for (String file : List.of(
                "airflow/compat-bash-dag-10-task-start.json", "airflow/compat-bash-dag-11-task-complete.json",
                "airflow/compat-bq-dag-01-dag-start.json", "airflow/compat-bq-dag-02-upload-start.json",
                "airflow/compat-bq-dag-03-upload-complete.json", "airflow/compat-bq-dag-04-copy-start.json",
                "airflow/compat-bq-dag-05-copy-complete.json", "airflow/compat-bq-dag-06-download-start.json",
                "airflow/compat-bq-dag-07-download-complete.json", "airflow/compat-bq-dag-08-dag-complete.json",
                "dbt/compat-dbt-1.40-01-wrapper-start.json", "dbt/compat-dbt-1.40-02-wrapper-complete.json",
                "dbt/compat-dbt-1.40-06-model-start.json", "dbt/compat-dbt-1.40-09-model-complete.json",
                "dbt/compat-dbt-1.40-12-test-start.json", "dbt/compat-dbt-1.40-17-test-complete.json",
                "hive/data-rentgen-hive-ctas.json",
                "marquez-fixtures/apples-2-apple-filling.json",
                "marquez-fixtures/event_large.json", "marquez-fixtures/event_namespace_naming.json",
                "marquez-fixtures/event_required_nanoseconds.json", "marquez-fixtures/event_unicode.json",
                "marquez-fixtures/null_nominal_end_time.json",
                "spark/compat-cll-01-app-start.json", "spark/compat-cll-02-create-src1-start.json",
                "spark/compat-cll-03-create-src1-complete.json", "spark/compat-cll-04-create-src2-complete.json",
                "spark/compat-cll-05-ctas-start.json", "spark/compat-cll-06-ctas-running.json",
                "spark/compat-cll-07-ctas-running-stats.json", "spark/compat-cll-08-ctas-complete.json",
                "spark/compat-cll-09-app-complete.json", "spark/compat-dataproc-bq-01-app-start.json",
                "spark/compat-dataproc-bq-02-running-jobdetails.json", "spark/compat-dataproc-bq-03-output-start.json",
                "spark/compat-dataproc-bq-04-output-complete.json",
                "spark/compat-dataproc-hive-drop-table-start.json",
                "spark/compat-dataproc-hive-drop-table-orphan-complete.json",
                "spec-examples/spec-tests-example_full_event.json",
                "spec-examples/python-client-example_full_event.json")) {
            OUTCOMES.put(file, Expected.accepted(Mode.SINGLE, VALID));
        }
        OUTCOMES.put("airflow/spline-openlineage-airflow-0.6.1-start.json", Expected.accepted(Mode.SINGLE,
                "no schemaURL and mangled facet URLs from openlineage-airflow 0.6.1: the core fields are there, so"
                        + " refusing would lose real lineage"));
        OUTCOMES.put("airflow/spline-openlineage-airflow-0.6.1-complete.json", Expected.accepted(Mode.SINGLE,
                "same legacy producer as its START"));
        OUTCOMES.put("marquez-fixtures/apples-1-pick-apples.json", Expected.accepted(Mode.SINGLE,
                "no schemaURL; COMPLETE-only run"));
        OUTCOMES.put("marquez-fixtures/apples-7-pick-different-apples.json", Expected.accepted(Mode.SINGLE,
                "no schemaURL; a later run of gather_apples with another input, which makes the old input stale"));
        OUTCOMES.put("marquez-fixtures/event_full.json", Expected.accepted(Mode.SINGLE,
                "dataQualityMetrics input facet lacks columnMetrics: facets are lenient and kept raw"));
        OUTCOMES.put("marquez-fixtures/event_required_no_timezone.json", Expected.accepted(Mode.SINGLE,
                "eventTime without offset: taken as UTC, as older official clients meant it"));
        OUTCOMES.put("marquez-fixtures/event_required_only.json", Expected.accepted(Mode.SINGLE,
                "no eventType: optional in spec 1.x, the run state is OTHER"));
        OUTCOMES.put("marquez-fixtures/event_without_schema_url.json", Expected.accepted(Mode.SINGLE,
                "no schemaURL: not needed to understand the event"));
        OUTCOMES.put("marquez-fixtures/event_dataset_event.json", Expected.accepted(Mode.SINGLE,
                "DatasetEvent naming a non-existent spec version: the shape decides, not the URL"));
        OUTCOMES.put("marquez-fixtures/event_job_event.json", Expected.accepted(Mode.SINGLE,
                "JobEvent carrying an eventType: the extra field is ignored"));
        OUTCOMES.put("marquez-fixtures/listener-1-running.json", Expected.accepted(Mode.SINGLE,
                "RUNNING as first event of a run; no schemaURL"));
        OUTCOMES.put("marquez-fixtures/listener-2-complete.json", Expected.accepted(Mode.SINGLE,
                "COMPLETE of the same run; no schemaURL"));
        OUTCOMES.put("spec-examples/compat-simple_run_event-non-uuid-runid.json", Expected.accepted(Mode.SINGLE,
                "runId 'run_id' is not a UUID: any non-empty identifier is accepted"));
        OUTCOMES.put("spec-examples/proxy-event_invalid_dataset_facet.json", Expected.accepted(Mode.SINGLE,
                "ownership dataset facet violates its schema: malformed facets are kept raw, never fatal"));
        OUTCOMES.put("spec-examples/proxy-event_invalid_job_facet.json", Expected.accepted(Mode.SINGLE,
                "ownership job facet violates its schema: kept raw"));
        OUTCOMES.put("spec-examples/proxy-event_invalid_output_dataset_facet.json", Expected.accepted(Mode.SINGLE,
                "outputStatistics holds a string: kept raw"));
        OUTCOMES.put("spec-examples/proxy-event_invalid_run_facet.json", Expected.accepted(Mode.SINGLE,
                "parent facet without runId: kept raw, no parent link is made"));
        OUTCOMES.put("spec-examples/python-client-serde_run_event.json", Expected.accepted(Mode.SINGLE,
                "eventTime without offset from the python client's own example: UTC"));
        OUTCOMES.put("spec-examples/python-client-serde_dataset_event.json", Expected.accepted(Mode.SINGLE,
                "DatasetEvent; eventTime without offset"));
        OUTCOMES.put("spec-examples/python-client-serde_job_event.json", Expected.accepted(Mode.SINGLE,
                "JobEvent with inputs and outputs; eventTime without offset"));
        OUTCOMES.put("spec-examples/proxy-event_no_run_id.json", new Expected(Mode.SINGLE, 400, "missing_field",
                "run.runId", "a RunEvent without runId cannot be attached to any run"));
        OUTCOMES.put("airflow/data-rentgen-airflow-dag.ndjson", Expected.accepted(Mode.LINES,
                "columnLineage facet without _producer/_schemaURL: kept and interpreted"));
        OUTCOMES.put("dbt/data-rentgen-dbt-run.ndjson", Expected.accepted(Mode.LINES, VALID));
        OUTCOMES.put("flink/data-rentgen-flink-kafka.ndjson", Expected.accepted(Mode.LINES_REVERSED,
                "posted COMPLETE first to show that the terminal state wins whatever the arrival order"));
        OUTCOMES.put("spark/sandbox-spark-1.26-local-session.ndjson", Expected.accepted(Mode.LINES,
                "its first line is a child COMPLETE that precedes the parent's START"));
        OUTCOMES.put("other/confluent-bridge-9-node-pipeline-array.json", Expected.accepted(Mode.BATCH,
                "a JSON array of five events with null facets: posted to the batch endpoint"));
    }

    @Inject
    Driver driver;

    private Graph graph;
    private int accepted = -1;

    /** Runs once, before the first test (RestAssured knows the port only from then on). */
    @BeforeEach
    void postTheCorpus() {
        if (accepted >= 0) {
            return;
        }
        graph = new Graph(driver);
        accepted = 0;
        for (Map.Entry<String, Expected> entry : OUTCOMES.entrySet()) {
            accepted += post(entry.getKey(), entry.getValue());
        }
    }

    @Test
    void everyCorpusFileHasAnExpectedOutcome() {
        assertThat(OUTCOMES.keySet()).containsExactlyInAnyOrderElementsOf(Conformance.allOpenLineageFiles());
        assertThat(OUTCOMES.values()).allSatisfy(e -> assertThat(e.why()).isNotBlank());
    }

    @Test
    void statsCountEveryAcceptedEvent() {
        long events = graph.count("MATCH (e:Event) RETURN count(e)");
        assertThat(events).isGreaterThanOrEqualTo(accepted);
        given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/api/v1/stats").then().statusCode(200)
                .body("events", equalTo((int) events));
        // 61 single-event files (one rejected), 57 NDJSON lines, 5 events in the array file
        assertThat(accepted).isEqualTo(60 + 57 + 5);
    }

    @Test
    void postingTheSameEventAgainIsADuplicateNotAnError() {
        Response again = given().auth().oauth2(TestResources.ADMIN_TOKEN).contentType("application/json")
                .body(Conformance.bytes(Conformance.openLineage("spark/compat-cll-08-ctas-complete.json")))
                .post("/api/v1/lineage");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.jsonPath().getString("status")).isEqualTo("duplicate");
        assertThat(graph.count("MATCH (e:Event {hash: $hash}) RETURN count(e)",
                Map.of("hash", again.jsonPath().getString("hash")))).isEqualTo(1);
    }

    @Test
    void sparkLocationAndTableSymlinkAreOneDataset() {
        List<Record> rows = graph.query("""
                MATCH (a:DatasetAlias {namespace: 'file', name: '/tmp/cll_test/tbl1'})-[:ALIAS_OF]->(d:Dataset)
                RETURN d.namespace AS namespace, d.name AS name, [(d)-[:HAS_FIELD]->(f) | f.path] AS fields""");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("namespace").asString()).isEqualTo("file:/tmp/cll_test");
        assertThat(rows.get(0).get("name").asString()).isEqualTo("default.tbl1");
        assertThat(rows.get(0).get("fields").asList(v -> v.asString())).containsExactlyInAnyOrder("ident", "trans", "agg");
        assertThat(graph.count("MATCH (d:Dataset {namespace: 'file', name: '/tmp/cll_test/tbl1'}) RETURN count(d)"))
                .isZero();
    }

    @Test
    void columnLineageKeepsTypeAndSubtypeOfEveryTransformation() {
        List<String> edges = feeds("file:/tmp/cll_test", "default.tbl1", "ident");
        assertThat(edges).contains(
                "default.cll_source1.a DIRECT IDENTITY false",
                "default.cll_source1.a INDIRECT GROUP_BY false",
                "default.cll_source1.a INDIRECT JOIN false",
                "default.cll_source1.a INDIRECT FILTER false",
                "default.cll_source1.b INDIRECT GROUP_BY false",
                "default.cll_source2.a INDIRECT JOIN false");
        assertThat(feeds("file:/tmp/cll_test", "default.tbl1", "trans")).contains("default.cll_source1.b DIRECT TRANSFORMATION false");
        Record job = graph.query("""
                MATCH (:Field {dataset: 'default.cll_source1', path: 'a'})-[f:FEEDS]->(:Field {dataset: 'default.tbl1', path: 'ident'})
                RETURN DISTINCT f.jobNamespace AS ns, f.jobName AS name""").get(0);
        assertThat(job.get("ns").asString()).isEqualTo("testColumnLevelLineage");
        assertThat(job.get("name").asString())
                .isEqualTo("open_lineage_integration_create_table.execute_create_hive_table_as_select_command.default_tbl1");
    }

    @Test
    void maskingAggregationSurvivesSymlinkResolutionAcrossEvents() {
        String warehouse = "file:/workspaces/spark-sandbox/projects/spark-scala/warehouse";
        assertThat(feeds(warehouse, "demo_etl.customer_lifetime_value", "total_orders"))
                .contains("demo_etl.sales_enriched.orderID DIRECT AGGREGATION true");
    }

    @Test
    void legacyTransformationTypeBecomesDirectIdentity() {
        assertThat(feeds("bigquery", "mock-project.test.upload", "a"))
                .containsExactlyInAnyOrder("copied.csv.a DIRECT IDENTITY false", "test.csv.a DIRECT IDENTITY false");
    }

    @Test
    void datasetWideColumnLineageReachesEveryOutputField() {
        for (String field : List.of("dt", "customer_id", "total_spent")) {
            assertThat(feeds("hive://test-hadoop:9083", "mydatabase.target_table", field))
                    .contains("mydatabase.source_table.customer_id INDIRECT JOIN false");
        }
    }

    @Test
    void nestedStructFieldsHangBelowTheirParent() {
        List<Record> rows = graph.query("""
                MATCH (:Dataset {name: 'ol-orders00-t1'})-[:HAS_FIELD]->(p:Field {path: 'value.address'})-[:HAS_FIELD]->(c:Field)
                RETURN c.path AS path ORDER BY path""");
        assertThat(rows).extracting(r -> r.get("path").asString())
                .containsExactly("value.address.city", "value.address.state", "value.address.zipcode");
    }

    @Test
    void everyFieldHangsBelowExactlyOneOwner() {
        assertThat(graph.count("MATCH (f:Field) WHERE COUNT { ()-[:HAS_FIELD]->(f) } <> 1 RETURN count(f)")).isZero();
    }

    @Test
    void nestedFieldNamedByColumnLineageKeepsItsParent() {
        String schema = """
                {"eventType":"COMPLETE","eventTime":"2026-02-01T00:00:00Z","producer":"https://example.com/p",
                 "run":{"runId":"nested-1"},"job":{"namespace":"nested","name":"load"},
                 "outputs":[{"namespace":"pg","name":"people","facets":{"schema":{"fields":[
                   {"name":"address","type":"struct","fields":[{"name":"city","type":"string"}]}]}}}]}""";
        String lineage = """
                {"eventType":"COMPLETE","eventTime":"2026-02-02T00:00:00Z","producer":"https://example.com/p",
                 "run":{"runId":"nested-2"},"job":{"namespace":"nested","name":"copy"},
                 "inputs":[{"namespace":"pg","name":"people"}],
                 "outputs":[{"namespace":"pg","name":"cities","facets":{"columnLineage":{"fields":{"city":{"inputFields":[
                   {"namespace":"pg","name":"people","field":"address.city",
                    "transformations":[{"type":"DIRECT","subtype":"IDENTITY"}]}]}}}}}]}""";
        for (String event : List.of(schema, lineage)) {
            given().auth().oauth2(TestResources.ADMIN_TOKEN).contentType("application/json").body(event)
                    .post("/api/v1/lineage").then().statusCode(201);
        }
        List<Record> owners = graph.query("""
                MATCH (owner)-[:HAS_FIELD]->(:Field {namespace: 'pg', dataset: 'people', path: 'address.city'})
                RETURN coalesce(owner.path, owner.name) AS owner""");
        assertThat(owners).extracting(r -> r.get("owner").asString()).containsExactly("address");
        assertThat(feeds("pg", "cities", "city")).containsExactly("people.address.city DIRECT IDENTITY false");
    }

    @Test
    void terminalStateWinsWhateverTheArrivalOrder() {
        given().auth().oauth2(TestResources.ADMIN_TOKEN).queryParam("runId", "01965ca5-85bc-789d-93a1-9e4e48bd37b3")
                .get("/api/v1/runs").then().statusCode(200)
                .body("state", equalTo("COMPLETE"))
                .body("startedAt", equalTo("2025-04-22T08:37:53.938068Z"))
                .body("endedAt", equalTo("2025-04-22T08:39:53.938068Z"))
                .body("job.namespace", equalTo("http://localhost:18081"))
                .body("job.name", equalTo("insert-into_default_catalog.default_database.kafka_output"))
                .body("facets.flink_job.jobId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void childCompleteBeforeParentStartStillLinksToTheParent() {
        given().auth().oauth2(TestResources.ADMIN_TOKEN).queryParam("runId", "019baad2-5253-7140-b72a-c942b6d49b40")
                .get("/api/v1/runs").then().statusCode(200)
                .body("state", equalTo("COMPLETE"))
                .body("parent.runId", equalTo("019baad2-3c64-70ac-9da9-908063418900"))
                .body("parent.state", equalTo("START"))
                .body("parent.job.name", equalTo("local_session"));
    }

    @Test
    void airflowTasksAreChildrenOfTheirDagRun() {
        given().auth().oauth2(TestResources.ADMIN_TOKEN).queryParam("runId", "01936893-9751-7a91-a2a0-a51101a3970c")
                .get("/api/v1/runs").then().statusCode(200)
                .body("state", equalTo("COMPLETE"))
                .body("job.name", equalTo("BQ"));
        assertThat(graph.count("""
                MATCH (:Run)-[:CHILD_OF]->(:Run {runId: '01936893-9751-7a91-a2a0-a51101a3970c'}) RETURN count(*)"""))
                .isEqualTo(3);
    }

    @Test
    void aNewerCompletedRunMakesTheInputsItLeftOutStale() {
        Map<String, Boolean> current = new LinkedHashMap<>();
        graph.query("""
                MATCH (d:Dataset)-[e:INPUT_TO]->(:Job {namespace: 'grandmas.kitchen', name: 'gather_apples'})
                RETURN d.name AS name, e.current AS current""")
                .forEach(r -> current.put(r.get("name").asString(), r.get("current").asBoolean()));
        assertThat(current).containsExactlyInAnyOrderEntriesOf(Map.of("red.delicious", false, "crab.apples", true));
        assertThat(graph.count("""
                MATCH (:Job {name: 'gather_apples'})-[e:OUTPUTS {current: true}]->(:Dataset {name: 'apples'})
                RETURN count(e)""")).isEqualTo(1);
    }

    @Test
    void eventsFormAnUnbrokenHashChainOverTheirStoredPayloads() throws Exception {
        List<Record> chain = graph.query("""
                MATCH (e:Event)
                RETURN e.seq AS seq, e.hash AS hash, e.prevHash AS prev, e.chainHash AS chain, e.payload AS payload
                ORDER BY seq""");
        assertThat(chain).isNotEmpty();
        String previousChain = "";
        int checkedPayloads = 0;
        for (int i = 0; i < chain.size(); i++) {
            Record event = chain.get(i);
            assertThat(event.get("seq").asLong()).isEqualTo(i + 1);
            String hash = event.get("hash").asString();
            // RetentionIT (same app, same graph) prunes the payloads of events it backdated; their hashes stay.
            if (!event.get("payload").isNull()) {
                byte[] payload = new java.util.zip.GZIPInputStream(
                        new java.io.ByteArrayInputStream(event.get("payload").asByteArray())).readAllBytes();
                assertThat(CanonicalJson.sha256(payload)).as("payload of event %d", i + 1).isEqualTo(hash);
                checkedPayloads++;
            }
            if (i > 0) {
                assertThat(event.get("prev").asString()).isEqualTo(chain.get(i - 1).get("hash").asString());
            } else {
                assertThat(event.get("prev").isNull()).isTrue();
            }
            previousChain = IngestRepository.chainHash(previousChain, hash);
            assertThat(event.get("chain").asString()).as("chain hash of event %d", i + 1).isEqualTo(previousChain);
        }
        // This class's own events are recent, so most payloads are still there to check.
        assertThat(checkedPayloads).isGreaterThan(chain.size() / 2);
    }

    @Test
    void unknownRunIsA404WithTheErrorShape() {
        given().auth().oauth2(TestResources.ADMIN_TOKEN).queryParam("runId", "no-such-run").get("/api/v1/runs")
                .then().statusCode(404).body("error", equalTo("not_found"));
        given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/api/v1/runs")
                .then().statusCode(400).body("error", equalTo("missing_parameter")).body("path", equalTo("runId"));
    }

    /** FEEDS edges into one field, as "sourceDataset.sourceField TYPE SUBTYPE masking". */
    private List<String> feeds(String namespace, String dataset, String field) {
        return graph.query("""
                MATCH (s:Field)-[f:FEEDS]->(:Field {namespace: $ns, dataset: $ds, path: $field})
                RETURN s.dataset + '.' + s.path + ' ' + f.type + ' ' + f.subtype + ' ' + f.masking AS edge""",
                Map.of("ns", namespace, "ds", dataset, "field", field)).stream().map(r -> r.get("edge").asString()).toList();
    }

    /** Posts one corpus file as its row says and checks each answer; returns the events accepted. */
    private int post(String file, Expected expected) {
        byte[] content = Conformance.bytes(Conformance.openLineage(file));
        List<byte[]> bodies = new ArrayList<>();
        switch (expected.mode()) {
            case SINGLE, BATCH -> bodies.add(content);
            case LINES, LINES_REVERSED -> {
                List<String> lines = new ArrayList<>(Conformance.lines(Conformance.openLineage(file)));
                if (expected.mode() == Mode.LINES_REVERSED) {
                    java.util.Collections.reverse(lines);
                }
                lines.forEach(l -> bodies.add(l.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        int count = 0;
        for (byte[] body : bodies) {
            Response response = given().auth().oauth2(TestResources.ADMIN_TOKEN).contentType("application/json")
                    .body(body).post(expected.mode() == Mode.BATCH ? "/api/v1/lineage/batch" : "/api/v1/lineage");
            assertThat(response.statusCode()).as("%s: %s", file, response.asString()).isEqualTo(expected.status());
            if (expected.error() != null) {
                assertThat(response.jsonPath().getString("error")).as(file).isEqualTo(expected.error());
                assertThat(response.jsonPath().getString("path")).as(file).isEqualTo(expected.path());
            } else if (expected.mode() == Mode.BATCH) {
                assertThat(response.jsonPath().getInt("rejected")).as(file).isZero();
                count += response.jsonPath().getInt("accepted");
            } else {
                assertThat(response.jsonPath().getString("status")).as(file).isEqualTo("created");
                count++;
            }
        }
        return count;
    }
}
