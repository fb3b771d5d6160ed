package dev.provenant.lineage;

import static dev.provenant.lineage.StoryEvents.authorized;
import static dev.provenant.lineage.StoryEvents.complete;
import static dev.provenant.lineage.StoryEvents.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.provenant.support.PiiPropagation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/datasets, /api/v1/jobs and /api/v1/runs on real events (Spark CTAS with symlinks, dbt with SQL,
 * an Airflow DAG with task runs, Marquez' full event with a source code location) and a small story with
 * nested fields: exact fields, facets, jobs, versions, runs and pages.
 */
@QuarkusTest
class EntityApiIT {

    private static final String JOBS = "entitystory";
    private static final String DATA = "s3://entitystory";
    private static boolean loaded;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        StoryEvents.postConformance("spark/compat-cll-03-create-src1-complete.json",
                "spark/compat-cll-04-create-src2-complete.json", "spark/compat-cll-08-ctas-complete.json",
                "dbt/compat-dbt-1.40-06-model-start.json", "dbt/compat-dbt-1.40-09-model-complete.json",
                "airflow/compat-bq-dag-01-dag-start.json", "airflow/compat-bq-dag-02-upload-start.json",
                "airflow/compat-bq-dag-03-upload-complete.json", "airflow/compat-bq-dag-04-copy-start.json",
                "airflow/compat-bq-dag-05-copy-complete.json", "airflow/compat-bq-dag-06-download-start.json",
                "airflow/compat-bq-dag-07-download-complete.json", "airflow/compat-bq-dag-08-dag-complete.json",
                "marquez-fixtures/event_full.json");
        post("""
                {"eventType":"COMPLETE","eventTime":"2026-04-01T10:00:00Z","producer":"https://example.com/story",
                 "run":{"runId":"5a0c0000-0000-4000-8000-000000000001"},
                 "job":{"namespace":"entitystory","name":"load_customers"},
                 "inputs":[],
                 "outputs":[{"namespace":"s3://entitystory","name":"customers","facets":{"schema":{
                   "_producer":"https://example.com/story","_schemaURL":"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json",
                   "fields":[{"name":"id","type":"bigint"},
                             {"name":"address","type":"struct","fields":[
                                {"name":"street","type":"string","description":"street and number"},
                                {"name":"geo","type":"struct","fields":[{"name":"lat","type":"double"}]}]}]}}}]}""");
        post(complete(JOBS, DATA, "report_customers", "2026-04-02T10:00:00Z", List.of("customers"), List.of("report")));
        // PII story in namespaces of its own, so the pages above keep their exact counts.
        post("""
                {"eventType":"COMPLETE","eventTime":"2026-04-03T10:00:00Z","producer":"https://example.com/story",
                 "run":{"runId":"5a0c0000-0000-4000-8000-000000000002"},
                 "job":{"namespace":"entitystory-pii","name":"load_contacts"},
                 "inputs":[],
                 "outputs":[{"namespace":"s3://entitystory-pii","name":"contacts","facets":{
                   "schema":{"_producer":"https://example.com/story",
                     "_schemaURL":"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json",
                     "fields":[{"name":"email","type":"string"},{"name":"login_count","type":"int"}]},
                   "tags":{"_producer":"https://example.com/story",
                     "_schemaURL":"https://openlineage.io/spec/facets/1-0-0/TagsDatasetFacet.json",
                     "tags":[{"key":"pii","value":"EMAIL","field":"email","source":"CATALOG"}]}}}]}""");
        post("""
                {"eventType":"COMPLETE","eventTime":"2026-04-03T11:00:00Z","producer":"https://example.com/story",
                 "run":{"runId":"5a0c0000-0000-4000-8000-000000000003"},
                 "job":{"namespace":"entitystory-pii","name":"hash_contacts"},
                 "inputs":[{"namespace":"s3://entitystory-pii","name":"contacts"}],
                 "outputs":[{"namespace":"s3://entitystory-pii","name":"contacts_hashed","facets":{
                   "schema":{"_producer":"https://example.com/story",
                     "_schemaURL":"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json",
                     "fields":[{"name":"email_hash","type":"string"},{"name":"login_count","type":"int"}]},
                   "columnLineage":{"_producer":"https://example.com/story",
                     "_schemaURL":"https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json",
                     "fields":{
                       "email_hash":{"inputFields":[{"namespace":"s3://entitystory-pii","name":"contacts","field":"email",
                         "transformations":[{"type":"DIRECT","subtype":"TRANSFORMATION","description":"","masking":true}]}]},
                       "login_count":{"inputFields":[{"namespace":"s3://entitystory-pii","name":"contacts","field":"login_count",
                         "transformations":[{"type":"DIRECT","subtype":"IDENTITY","description":"","masking":false}]}]}}}}}]}""");
        loaded = true;
    }

    @Test
    void aSparkTableNamedByItsLocationShowsFieldsFacetsJobsAndVersions() {
        JsonPath d = get("/api/v1/datasets", Map.of("namespace", "file", "name", "/tmp/cll_test/tbl1"));
        assertThat(d.getString("namespace")).isEqualTo("file:/tmp/cll_test");
        assertThat(d.getString("name")).isEqualTo("default.tbl1");
        assertThat(d.getList("fields.name", String.class)).containsExactly("agg", "ident", "trans");
        assertThat(d.getList("fields.type", String.class)).containsExactly("long", "integer", "string");
        assertThat(d.getList("fields.fields", List.class)).containsOnly(List.of());
        assertThat(d.getList("fields.pii.state", String.class)).hasSize(3).doesNotContainNull();
        assertThat(d.getString("pii.state")).isNotNull();
        assertThat(d.getBoolean("model")).isFalse();
        assertThat(d.getList("aliases", Map.class)).contains(Map.of("namespace", "file", "name", "/tmp/cll_test/tbl1",
                "type", "IDENTITY"));
        assertThat(d.getMap("facets")).containsKeys("schema", "symlinks", "columnLineage", "dataSource",
                "lifecycleStateChange");
        assertThat(d.getString("facets.lifecycleStateChange.lifecycleStateChange")).isEqualTo("CREATE");
        assertThat(d.getList("producers", Map.class)).containsExactly(Map.of("namespace", "testColumnLevelLineage",
                "name", "open_lineage_integration_create_table.execute_create_hive_table_as_select_command.default_tbl1",
                "current", true));
        assertThat(d.getList("consumers")).isEmpty();
        assertThat(d.getList("versions.version", String.class))
                .containsExactly("run:019127df-0850-72bc-b214-b255290588a6");
        assertThat(d.getString("currentVersion")).isEqualTo("run:019127df-0850-72bc-b214-b255290588a6");
        assertThat(d.getList("lastRuns.runId", String.class)).containsExactly("019127df-0850-72bc-b214-b255290588a6");
        assertThat(d.getString("lastRuns[0].access")).isEqualTo("WROTE");
        assertThat(d.getString("lastRuns[0].state")).isEqualTo("COMPLETE");
    }

    @Test
    void nestedFieldsComeAsATree() {
        JsonPath d = get("/api/v1/datasets", Map.of("namespace", DATA, "name", "customers"));
        assertThat(d.getList("fields.path", String.class)).containsExactly("address", "id");
        assertThat(d.getList("fields[0].fields.path", String.class)).containsExactly("address.geo", "address.street");
        assertThat(d.getString("fields[0].fields[1].description")).isEqualTo("street and number");
        assertThat(d.getList("fields[0].fields[0].fields.name", String.class)).containsExactly("lat");
        assertThat(d.getList("fields[0].fields[0].fields[0].fields")).isEmpty();
        assertThat(d.getList("producers.name", String.class)).containsExactly("load_customers");
        assertThat(d.getList("consumers.name", String.class)).containsExactly("report_customers");
        assertThat(d.getList("lastRuns.access", String.class)).containsExactly("READ", "WROTE");
        assertThat(d.getList("lastRuns.job.name", String.class)).containsExactly("report_customers", "load_customers");
    }

    @Test
    void datasetsAndFieldsCarryTheirPiiVerdicts() {
        PiiPropagation.awaitIdle();
        JsonPath source = get("/api/v1/datasets", Map.of("namespace", "s3://entitystory-pii", "name", "contacts"));
        assertThat(source.getMap("pii")).isEqualTo(Map.of("state", "RAW", "categories", List.of("EMAIL")));
        assertThat(source.getList("fields.path", String.class)).containsExactly("email", "login_count");
        assertThat(source.getList("fields.pii", Map.class)).containsExactly(
                Map.of("state", "RAW", "categories", List.of("EMAIL"), "declared", true),
                Map.of("state", "CLEAR", "categories", List.of(), "declared", false));

        // The hash's name would match the EMAIL rule, but lineage decides: a masking hop from a declared field.
        JsonPath hashed = get("/api/v1/datasets", Map.of("namespace", "s3://entitystory-pii",
                "name", "contacts_hashed"));
        assertThat(hashed.getMap("pii")).isEqualTo(Map.of("state", "PSEUDONYMISED", "categories", List.of("EMAIL")));
        assertThat(hashed.getList("fields.path", String.class)).containsExactly("email_hash", "login_count");
        assertThat(hashed.getList("fields.pii", Map.class)).containsExactly(
                Map.of("state", "PSEUDONYMISED", "categories", List.of("EMAIL"), "declared", false),
                Map.of("state", "CLEAR", "categories", List.of(), "declared", false));

        // Nested fields carry their own verdicts: street is an address by the name rules.
        JsonPath customers = get("/api/v1/datasets", Map.of("namespace", DATA, "name", "customers"));
        assertThat(customers.getMap("fields[0].fields[1].pii")).isEqualTo(Map.of("state", "RAW",
                "categories", List.of("ADDRESS"), "declared", true));
        assertThat(customers.getMap("fields[0].fields[0].fields[0].pii")).isEqualTo(Map.of("state", "CLEAR",
                "categories", List.of(), "declared", false));
    }


    @Test
    void aDbtModelShowsItsSqlInputsOutputsAndTimedRun() {
        JsonPath job = get("/api/v1/jobs", Map.of("namespace", "dbt",
                "name", "dbt_test.main.openlineage_compatibility_test.customer_analytics"));
        assertThat(job.getString("sql")).contains("from \"dbt_test\".\"main\".\"stg_customers\" c");
        assertThat(job.getList("inputs.name", String.class)).containsExactly("dbt_test.main.stg_customers",
                "dbt_test.main.stg_orders");
        assertThat(job.getList("outputs.name", String.class)).containsExactly("dbt_test.main.customer_analytics");
        assertThat(job.getList("runs.runId", String.class)).containsExactly("019a977e-cd5e-71fb-a982-ec11b80e5b01");
        assertThat(job.getString("runs[0].state")).isEqualTo("COMPLETE");
        assertThat(job.getString("runs[0].startedAt")).isEqualTo("2025-11-18T15:04:20.065737Z");
        assertThat(job.getString("runs[0].endedAt")).isEqualTo("2025-11-18T15:04:20.125206Z");
        assertThat(job.getLong("runs[0].durationMs")).isEqualTo(59L);
        assertThat(job.getString("sourceCodeLocation")).isNull();
        assertThat(job.getString("facets.sql.dialect")).isEqualTo("postgres");
    }

    @Test
    void aJobWithASourceCodeLocation() {
        JsonPath job = get("/api/v1/jobs", Map.of("namespace", "my-scheduler-namespace", "name", "myjob.mytask"));
        assertThat(job.getMap("sourceCodeLocation")).isEqualTo(Map.of("type", "git", "url", "http://example.com"));
        assertThat(job.getString("sql")).isEqualTo("SELECT * FROM foo");
    }

    @Test
    void anAirflowDagRunListsItsTaskRunsAndATaskItsDatasetVersions() {
        JsonPath dag = get("/api/v1/runs", Map.of("runId", "01936893-9751-7a91-a2a0-a51101a3970c"));
        assertThat(dag.getList("children.runId", String.class)).containsExactly("01936893-9751-7b3c-8f76-8ac6d0e5f8a3",
                "01936893-9751-7b10-a4a7-cd7454722d0f", "01936893-9751-7150-bbde-96d39c5c4c8d");
        assertThat(dag.getList("children.job.name", String.class)).containsExactly("BQ.upload", "BQ.copy",
                "BQ.download");
        assertThat(dag.getList("children.state", String.class)).containsOnly("COMPLETE");
        assertThat(dag.getList("inputs")).isEmpty();

        JsonPath copy = get("/api/v1/runs", Map.of("runId", "01936893-9751-7b10-a4a7-cd7454722d0f"));
        assertThat(copy.getString("parent.runId")).isEqualTo("01936893-9751-7a91-a2a0-a51101a3970c");
        assertThat(copy.getList("inputs", Map.class)).containsExactly(Map.of("namespace", "bigquery",
                "name", "mock-project.test.upload", "version", "run:01936893-9751-7b3c-8f76-8ac6d0e5f8a3"));
        assertThat(copy.getList("outputs", Map.class)).containsExactly(Map.of("namespace", "bigquery",
                "name", "mock-project.test.upload_cp", "version", "run:01936893-9751-7b10-a4a7-cd7454722d0f"));
        assertThat(copy.getList("children")).isEmpty();
        assertThat(copy.getLong("durationMs")).isEqualTo(2902L);
    }

    @Test
    void pagesOfDatasetsAndJobs() {
        JsonPath all = get("/api/v1/datasets", Map.of("namespace", DATA));
        assertThat(all.getLong("total")).isEqualTo(2);
        assertThat(all.getList("items.name", String.class)).containsExactly("customers", "report");
        JsonPath second = get("/api/v1/datasets", Map.of("namespace", DATA, "limit", "1", "offset", "1"));
        assertThat(second.getList("items.name", String.class)).containsExactly("report");
        assertThat(second.getInt("limit")).isEqualTo(1);
        assertThat(second.getLong("total")).isEqualTo(2);
        JsonPath jobs = get("/api/v1/jobs", Map.of("namespace", JOBS));
        assertThat(jobs.getList("items.name", String.class)).containsExactly("load_customers", "report_customers");
        assertThat(jobs.getList("items.model")).containsOnly((Object) null);
        assertThat(all.getList("items", Map.class)).first().isEqualTo(Map.of("namespace", DATA, "name", "customers",
                "model", false, "feature", false, "lastSeen", "2026-04-02T10:00:00Z"));
    }

    @Test
    void unknownEntitiesAndBadParameters() {
        authorized().queryParams(Map.of("namespace", DATA, "name", "nope")).get("/api/v1/datasets").then()
                .statusCode(404).body("error", equalTo("not_found"));
        authorized().queryParams(Map.of("namespace", JOBS, "name", "nope")).get("/api/v1/jobs").then()
                .statusCode(404).body("error", equalTo("not_found"));
        authorized().queryParams(Map.of("name", "customers")).get("/api/v1/datasets").then().statusCode(400)
                .body("error", equalTo("missing_parameter")).body("path", equalTo("namespace"));
        authorized().queryParams(Map.of("limit", "0")).get("/api/v1/jobs").then().statusCode(400)
                .body("path", equalTo("limit"));
        authorized().queryParams(Map.of("limit", "1001")).get("/api/v1/datasets").then().statusCode(400)
                .body("path", equalTo("limit"));
        authorized().queryParams(Map.of("offset", "x")).get("/api/v1/jobs").then().statusCode(400)
                .body("path", equalTo("offset"));
        authorized().queryParams(Map.of("offset", "-1")).get("/api/v1/datasets").then().statusCode(400)
                .body("path", equalTo("offset")).body("message", org.hamcrest.Matchers.notNullValue())
                .body("error", equalTo("invalid_value"));
        authorized().get("/api/v1/runs").then().statusCode(400).body("path", equalTo("runId"))
                .body("error", equalTo("missing_parameter")).body("message", org.hamcrest.Matchers.notNullValue())
                .body("nothing", nullValue());
    }

    private static JsonPath get(String path, Map<String, String> query) {
        return authorized().queryParams(query).get(path).then().statusCode(200).extract().jsonPath();
    }
}
