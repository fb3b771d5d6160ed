package dev.provenant.analyst;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.support.PiiPropagation;
import dev.provenant.support.TestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Every library query on a small story sent through the real ingest endpoint: customers are cleaned (the
 * e-mail hashed), joined with orders, re-identified by a job that joins the hash back to a lookup of clear
 * addresses, and used to train models; a legacy export stopped 120 days ago, a job's column lineage
 * changed, a nightly job failed. Event times are relative to now, since several queries are.
 *
 * The test sets {@code piiState} and {@code piiCategories} on the story's fields and datasets directly, in
 * the PII feature's stored-properties contract, so that the answers test the library queries and not the
 * propagation rules (PII propagation was built in parallel; docs/pii.md has its own tests). It first
 * waits for the asynchronous propagation of the story's events to finish, so nothing overwrites them, and
 * clears what it concluded.
 */
@QuarkusTest
class QueryLibraryIT {

    private static final String NS = "analyst-lib";
    private static final String JOBS = "analyst-lib-jobs";
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    private static final OffsetDateTime YESTERDAY = NOW.minusDays(1);
    private static final OffsetDateTime THREE_DAYS_AGO = NOW.minusDays(3);
    private static final OffsetDateTime TEN_DAYS_AGO = NOW.minusDays(10);
    private static final OffsetDateTime LONG_AGO = NOW.minusDays(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean loaded;

    @Inject
    Driver driver;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        run("clean_customers", "clean-1", "COMPLETE", YESTERDAY, List.of(in("customers", "id", "email", "name")),
                List.of(out("customers_clean", null, List.of("id", "email_hash", "name"),
                        direct("id", "customers", "id", "IDENTITY", false),
                        direct("email_hash", "customers", "email", "TRANSFORMATION", true),
                        direct("name", "customers", "name", "IDENTITY", false))), null);
        run("enrich_orders", "enrich-1", "COMPLETE", YESTERDAY,
                List.of(in("customers_clean"), in("orders", "id", "customer_id", "amount")),
                List.of(out("orders_enriched", null, List.of("order_id", "email_hash", "amount"),
                        direct("order_id", "orders", "id", "IDENTITY", false),
                        direct("email_hash", "customers_clean", "email_hash", "IDENTITY", false),
                        direct("amount", "orders", "amount", "IDENTITY", false),
                        join("order_id", "orders", "customer_id"), join("order_id", "customers_clean", "id"))), null);
        run("reidentify", "reidentify-1", "COMPLETE", YESTERDAY,
                List.of(in("orders_enriched"), in("email_lookup", "email_hash", "email")),
                List.of(out("orders_with_email", null, List.of("email", "amount"),
                        direct("email", "email_lookup", "email", "IDENTITY", false),
                        direct("amount", "orders_enriched", "amount", "IDENTITY", false),
                        join("email", "orders_enriched", "email_hash"), join("email", "email_lookup", "email_hash"),
                        join("amount", "orders_enriched", "email_hash"), join("amount", "email_lookup", "email_hash"))),
                null);
        // Joins on the pseudonym and reads clear addresses, but hashes them again: not de-pseudonymising.
        run("hash_again", "hash-again-1", "COMPLETE", YESTERDAY, List.of(in("orders_enriched"), in("email_lookup")),
                List.of(out("emails_hashed", null, List.of("email_hash"),
                        direct("email_hash", "email_lookup", "email", "TRANSFORMATION", true),
                        join("email_hash", "orders_enriched", "email_hash"))), null);
        run("train_churn", "train-churn-1", "COMPLETE", YESTERDAY,
                List.of(in("orders_enriched"), in("customers_clean"), in("orders")),
                List.of(out("churn_model", "MODEL", List.of())), null);
        run("train_health", "train-health-1", "COMPLETE", YESTERDAY, List.of(in("patients", "patient_id", "diagnosis")),
                List.of(out("health_model", "MODEL", List.of())), null);
        run("legacy_export", "legacy-1", "COMPLETE", LONG_AGO, List.of(in("orders")),
                List.of(out("legacy_extract", null, List.of("id"), direct("id", "orders", "id", "IDENTITY", false))), null);
        run("evolve", "evolve-1", "COMPLETE", TEN_DAYS_AGO, List.of(in("raw_events", "a", "b")),
                List.of(out("events_daily", null, List.of("x"), direct("x", "raw_events", "a", "IDENTITY", false))), null);
        run("evolve", "evolve-2", "COMPLETE", THREE_DAYS_AGO, List.of(in("raw_events", "a", "b")),
                List.of(out("events_daily", null, List.of("x"), direct("x", "raw_events", "b", "IDENTITY", false))), null);
        run("nightly_load", "nightly-old-failure", "FAIL", NOW.minusDays(20), List.of(), List.of(), "timeout");
        run("nightly_load", "nightly-recent-failure", "FAIL", NOW.minusDays(2), List.of(), List.of(), "disk full");
        run("nightly_load", "nightly-success", "COMPLETE", YESTERDAY, List.of(), List.of(), null);

        PiiPropagation.awaitIdle();
        clearPii();
        pii("Field", List.of(
                field("customers", "email", "RAW", "EMAIL"), field("customers", "name", "RAW", "NAME"),
                field("customers_clean", "email_hash", "PSEUDONYMISED", "EMAIL"),
                field("customers_clean", "name", "RAW", "NAME"),
                field("orders_enriched", "email_hash", "PSEUDONYMISED", "EMAIL"),
                field("email_lookup", "email", "RAW", "EMAIL"),
                field("email_lookup", "email_hash", "PSEUDONYMISED", "EMAIL"),
                field("orders_with_email", "email", "RAW", "EMAIL"),
                field("orders_with_email", "amount", "INDIRECT", "EMAIL"),
                field("emails_hashed", "email_hash", "PSEUDONYMISED", "EMAIL"),
                field("patients", "diagnosis", "RAW", "HEALTH")));
        pii("Dataset", List.of(
                dataset("customers", "RAW", "EMAIL", "NAME"), dataset("customers_clean", "RAW", "EMAIL", "NAME"),
                dataset("orders_enriched", "PSEUDONYMISED", "EMAIL"), dataset("email_lookup", "RAW", "EMAIL"),
                dataset("orders_with_email", "RAW", "EMAIL"), dataset("emails_hashed", "PSEUDONYMISED", "EMAIL"),
                dataset("patients", "RAW", "HEALTH"), dataset("churn_model", "POSSIBLE", "EMAIL", "NAME"),
                dataset("health_model", "POSSIBLE", "HEALTH")));
        loaded = true;
    }

    @Test
    void datasetsHoldingRawEmailAddresses() {
        assertThat(rows("find_raw_email_datasets", Map.of("namespace", NS))).containsExactly(
                List.of(NS, "customers", List.of("email")),
                List.of(NS, "email_lookup", List.of("email")),
                List.of(NS, "orders_with_email", List.of("email")));
        assertThat(rows("find_raw_email_datasets", Map.of("namespace", NS, "category", "name"))).containsExactly(
                List.of(NS, "customers", List.of("name")),
                List.of(NS, "customers_clean", List.of("name")));
    }

    @Test
    void everythingDownstreamOfATable() {
        assertThat(rows("find_downstream_of_dataset", Map.of("namespace", NS, "name", "customers"))).containsExactly(
                List.of("job", JOBS, "clean_customers", 1),
                List.of("dataset", NS, "customers_clean", 2),
                List.of("job", JOBS, "enrich_orders", 3),
                List.of("job", JOBS, "train_churn", 3),
                List.of("dataset", NS, "churn_model", 4),
                List.of("dataset", NS, "orders_enriched", 4),
                List.of("job", JOBS, "hash_again", 5),
                List.of("job", JOBS, "reidentify", 5),
                List.of("dataset", NS, "emails_hashed", 6),
                List.of("dataset", NS, "orders_with_email", 6));
        assertThat(rows("find_downstream_of_dataset", Map.of("namespace", NS, "name", "no_such_table"))).isEmpty();
    }

    @Test
    void modelsTrainedOnPersonalDataOfACategory() {
        assertThat(rows("find_models_trained_on_pii", Map.of("namespace", NS, "category", "EMAIL"))).containsExactly(
                List.of(NS, "churn_model", "RAW", List.of(
                        source("customers", "RAW", 4),
                        source("customers_clean", "PSEUDONYMISED", 2),
                        source("orders_enriched", "PSEUDONYMISED", 2),
                        source("churn_model", "POSSIBLE", 0))));
        assertThat(rows("find_models_trained_on_pii", Map.of("namespace", NS, "category", "HEALTH"))).containsExactly(
                List.of(NS, "health_model", "RAW", List.of(
                        source("patients", "RAW", 2),
                        source("health_model", "POSSIBLE", 0))));
        assertThat(rows("find_models_trained_on_pii", Map.of("namespace", NS, "category", "PHONE"))).isEmpty();
    }

    @Test
    void jobsThatDePseudonymise() {
        assertThat(rows("find_depseudonymising_jobs", Map.of("namespace", JOBS))).containsExactly(
                List.of(JOBS, "reidentify", List.of("EMAIL"),
                        List.of(Map.of("namespace", NS, "dataset", "email_lookup", "field", "email_hash"),
                                Map.of("namespace", NS, "dataset", "orders_enriched", "field", "email_hash")),
                        List.of(Map.of("namespace", NS, "dataset", "email_lookup", "field", "email",
                                "to", NS + " orders_with_email email"))));
    }

    @Test
    void datasetsNoJobHasWrittenFor90Days() {
        assertThat(rows("find_unwritten_datasets", Map.of("namespace", NS))).containsExactly(
                List.of(NS, "legacy_extract", iso(LONG_AGO), 120, NS + "-legacy-1", JOBS, "legacy_export"));
        assertThat(rows("find_unwritten_datasets", Map.of("namespace", NS, "days", 200))).isEmpty();
    }

    @Test
    void longestLineageChains() {
        List<List<Object>> chains = rows("find_longest_lineage_chains", Map.of("namespace", NS, "limit", 4));
        assertThat(chains).containsExactly(
                List.of(3, chain("customers", "clean_customers", "customers_clean", "enrich_orders", "orders_enriched",
                        "hash_again", "emails_hashed")),
                List.of(3, chain("customers", "clean_customers", "customers_clean", "enrich_orders", "orders_enriched",
                        "reidentify", "orders_with_email")),
                List.of(3, chain("customers", "clean_customers", "customers_clean", "enrich_orders", "orders_enriched",
                        "train_churn", "churn_model")),
                List.of(2, chain("customers", "clean_customers", "customers_clean", "train_churn", "churn_model")));
    }

    @Test
    void fanInHotspots() {
        assertThat(rows("find_fan_in_hotspots", Map.of("namespace", NS))).containsExactly(
                List.of(NS, "churn_model", 3, 1, List.of(ds("customers_clean"), ds("orders"), ds("orders_enriched"))),
                List.of(NS, "emails_hashed", 2, 1, List.of(ds("email_lookup"), ds("orders_enriched"))),
                List.of(NS, "orders_enriched", 2, 1, List.of(ds("customers_clean"), ds("orders"))),
                List.of(NS, "orders_with_email", 2, 1, List.of(ds("email_lookup"), ds("orders_enriched"))));
        assertThat(rows("find_fan_in_hotspots", Map.of("namespace", NS, "minInputs", 3, "limit", 1))).hasSize(1);
    }

    @Test
    void runsThatFailedLastWeek() {
        assertThat(rows("find_failed_runs", Map.of("namespace", JOBS))).containsExactly(
                List.of(NS + "-nightly-recent-failure", JOBS, "nightly_load", iso(NOW.minusDays(2)), "disk full"));
        assertThat(rows("find_failed_runs", Map.of("namespace", JOBS, "days", 30))).extracting(r -> r.get(0))
                .containsExactly(NS + "-nightly-recent-failure", NS + "-nightly-old-failure");
    }

    @Test
    void fieldsWhoseLineageChangedInAPeriod() {
        assertThat(rows("find_changed_field_lineage", Map.of("namespace", NS, "from", iso(NOW.minusDays(5)),
                "to", iso(NOW.minusDays(2))))).containsExactly(
                change("ADDED", THREE_DAYS_AGO, "b"),
                change("REMOVED", THREE_DAYS_AGO, "a"));
        assertThat(rows("find_changed_field_lineage", Map.of("namespace", NS, "from", iso(NOW.minusDays(12)),
                "to", iso(NOW.minusDays(2))))).containsExactly(
                change("ADDED", TEN_DAYS_AGO, "a"),
                change("ADDED", THREE_DAYS_AGO, "b"),
                change("REMOVED", THREE_DAYS_AGO, "a"));
        // Without from and to: the last 30 days, which also holds every edge the story reported yesterday.
        assertThat(rows("find_changed_field_lineage", Map.of("namespace", NS)))
                .contains(change("ADDED", TEN_DAYS_AGO, "a"), change("REMOVED", THREE_DAYS_AGO, "a"))
                .noneMatch(r -> r.get(1).equals("legacy_extract"));
    }

    @Test
    void aLibraryQueryDownloadsAsCsv() {
        String csv = given().auth().oauth2(TestResources.ADMIN_TOKEN).contentType("application/json").accept("text/csv")
                .body(Map.of("libraryQuery", "find_raw_email_datasets", "parameters", Map.of("namespace", NS)))
                .post("/api/v1/cypher").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"find_raw_email_datasets.csv\"")
                .extract().asString();
        assertThat(csv).isEqualTo("namespace,name,fields\r\n"
                + NS + ",customers,\"[\"\"email\"\"]\"\r\n"
                + NS + ",email_lookup,\"[\"\"email\"\"]\"\r\n"
                + NS + ",orders_with_email,\"[\"\"email\"\"]\"\r\n");
    }

    private static List<Object> change(String change, OffsetDateTime at, String sourceField) {
        return List.of(NS, "events_daily", "x", change, iso(at), NS, "raw_events", sourceField, JOBS, "evolve",
                "DIRECT", "IDENTITY");
    }

    private static Map<String, Object> source(String name, String state, int hops) {
        return Map.of("namespace", NS, "name", name, "state", state, "hops", hops);
    }

    private static Map<String, Object> ds(String name) {
        return Map.of("namespace", NS, "name", name);
    }

    /** Alternating dataset and job names, dataset first. */
    private static List<Map<String, Object>> chain(String... names) {
        List<Map<String, Object>> chain = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            boolean job = i % 2 == 1;
            chain.add(Map.of("kind", job ? "job" : "dataset", "namespace", job ? JOBS : NS, "name", names[i]));
        }
        return chain;
    }

    private static String iso(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    private static List<List<Object>> rows(String id, Map<String, Object> parameters) {
        JsonPath answer = given().auth().oauth2(TestResources.ADMIN_TOKEN).contentType("application/json")
                .body(Map.of("libraryQuery", id, "parameters", parameters)).post("/api/v1/cypher").then()
                .statusCode(200).extract().jsonPath();
        assertThat(answer.getBoolean("truncated")).isFalse();
        return answer.getList("rows");
    }

    // ---- the story's events ------------------------------------------------------------------------

    private static Map<String, Object> in(String name, String... fields) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("namespace", NS);
        dataset.put("name", name);
        if (fields.length > 0) {
            dataset.put("facets", Map.of("schema", schema(List.of(fields))));
        }
        return dataset;
    }

    private record Lineage(String field, String fromDataset, String fromField, String type, String subtype,
            boolean masking) {}

    private static Lineage direct(String field, String fromDataset, String fromField, String subtype, boolean masking) {
        return new Lineage(field, fromDataset, fromField, "DIRECT", subtype, masking);
    }

    private static Lineage join(String field, String fromDataset, String fromField) {
        return new Lineage(field, fromDataset, fromField, "INDIRECT", "JOIN", false);
    }

    private static Map<String, Object> out(String name, String datasetType, List<String> fields, Lineage... lineage) {
        Map<String, Object> facets = new LinkedHashMap<>();
        if (!fields.isEmpty()) {
            facets.put("schema", schema(fields));
        }
        if (datasetType != null) {
            facets.put("datasetType", Map.of("_producer", "https://example.com/p", "_schemaURL",
                    "https://openlineage.io/spec/facets/1-0-0/DatasetTypeDatasetFacet.json", "datasetType", datasetType));
        }
        if (lineage.length > 0) {
            Map<String, Object> byField = new LinkedHashMap<>();
            for (Lineage l : lineage) {
                @SuppressWarnings("unchecked")
                List<Object> inputs = (List<Object>) ((Map<String, Object>) byField.computeIfAbsent(l.field(),
                        f -> new LinkedHashMap<>(Map.of("inputFields", new ArrayList<>())))).get("inputFields");
                inputs.add(Map.of("namespace", NS, "name", l.fromDataset(), "field", l.fromField(), "transformations",
                        List.of(Map.of("type", l.type(), "subtype", l.subtype(), "masking", l.masking()))));
            }
            facets.put("columnLineage", Map.of("_producer", "https://example.com/p", "_schemaURL",
                    "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json", "fields", byField));
        }
        return Map.of("namespace", NS, "name", name, "facets", facets);
    }

    private static Map<String, Object> schema(List<String> fields) {
        return Map.of("_producer", "https://example.com/p", "_schemaURL",
                "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json",
                "fields", fields.stream().map(f -> Map.of("name", f, "type", "string")).toList());
    }

    private static void run(String job, String runId, String eventType, OffsetDateTime at,
            List<Map<String, Object>> inputs, List<Map<String, Object>> outputs, String error) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("runId", NS + "-" + runId);
        if (error != null) {
            run.put("facets", Map.of("errorMessage", Map.of("_producer", "https://example.com/p", "_schemaURL",
                    "https://openlineage.io/spec/facets/1-0-0/ErrorMessageRunFacet.json", "message", error,
                    "programmingLanguage", "python")));
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventType", eventType);
        event.put("eventTime", iso(at));
        event.put("producer", "https://example.com/p");
        event.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
        event.put("run", run);
        event.put("job", Map.of("namespace", JOBS, "name", job));
        event.put("inputs", inputs);
        event.put("outputs", outputs);
        try {
            StoryEvents.post(JSON.writeValueAsString(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- PII properties, as the PII feature will set them ---------------------------------------------

    private static Map<String, Object> field(String dataset, String path, String state, String... categories) {
        return Map.of("dataset", dataset, "path", path, "state", state, "categories", List.of(categories));
    }

    private static Map<String, Object> dataset(String name, String state, String... categories) {
        return Map.of("name", name, "state", state, "categories", List.of(categories));
    }


    /** Only the verdicts below hold in the story, whatever propagation and its name rules concluded. */
    private void clearPii() {
        try (Session session = driver.session()) {
            session.executeWrite(tx -> tx.run("MATCH (n) WHERE (n:Field OR n:Dataset) AND n.namespace = $ns "
                    + "REMOVE n.piiState, n.piiCategories", Map.of("ns", NS)).consume());
        }
    }

    private void pii(String label, List<Map<String, Object>> rows) {
        String cypher = label.equals("Field")
                ? "UNWIND $rows AS row MATCH (n:Field {namespace: $ns, dataset: row.dataset, path: row.path}) "
                        + "SET n.piiState = row.state, n.piiCategories = row.categories RETURN count(n)"
                : "UNWIND $rows AS row MATCH (n:Dataset {namespace: $ns, name: row.name}) "
                        + "SET n.piiState = row.state, n.piiCategories = row.categories RETURN count(n)";
        try (Session session = driver.session()) {
            long matched = session.executeWrite(tx -> tx.run(cypher, Map.of("rows", rows, "ns", NS)).single().get(0)
                    .asLong());
            assertThat(matched).as("every %s of the story exists", label).isEqualTo(rows.size());
        }
    }
}
