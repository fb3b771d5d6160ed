package dev.provenant.pii;

import static dev.provenant.pii.PiiStoryIT.authorized;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.PiiPropagation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What an ingested event makes propagation recompute, and that a full recompute (which reads the whole
 * graph with scans rather than region lookups) agrees with the incremental updates. Own namespace, so the
 * shared application's other stories are not disturbed.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PiiIncrementalIT {

    private static final String NS = "s3://pii-incremental";
    private static final String JOBS = "pii-incremental";
    private static int runs;
    /** The event time of the run that wrote export.day_1, and of the one before it. */
    private static String dayOneWritten;
    private static String beforeDayOne;

    @Test
    @Order(1)
    void onlyWhatAnEventChangedIsRecomputed() {
        post(event("load_customers", List.of(), "crm.customers", List.of("email", "segment"), Map.of()));
        post(event("export_contacts", List.of("crm.customers"), "mart.contacts", List.of("contact", "segment"),
                Map.of("contact", "crm.customers.email", "segment", "crm.customers.segment")));
        assertThat(status().getString("lastUpdateMode")).as("column lineage only: walked wave by wave")
                .isEqualTo("WAVES");
        JsonPath contacts = dataset("mart.contacts");
        assertThat(contacts.getString("state")).isEqualTo("RAW");
        assertThat(contacts.getList("fields.find { it.name == 'contact' }.categories")).containsExactly("EMAIL");

        // A third job reads the same customers table (no column lineage): only its own output and what
        // that output depends on are recomputed, not everything downstream of the table it read.
        post(event("count_segments", List.of("crm.customers"), "mart.segment_counts", List.of("segment", "n"),
                Map.of()));
        JsonPath status = status();
        assertThat(status.getString("lastUpdateMode")).as("a job without column lineage: the region")
                .isEqualTo("REGION");
        assertThat(status.getInt("lastRegionDatasets")).as("mart.segment_counts and crm.customers").isEqualTo(2);
        assertThat(dataset("mart.segment_counts").getString("state")).isEqualTo("POSSIBLE");
        assertThat(dataset("mart.contacts").getString("state")).isEqualTo("RAW");

        // The next run of a job that reports the same lineage changes nothing, so nothing is recomputed.
        Object contactsBefore = dataset("mart.contacts").get();
        post(event("export_contacts", List.of("crm.customers"), "mart.contacts", List.of("contact", "segment"),
                Map.of("contact", "crm.customers.email", "segment", "crm.customers.segment")));
        assertThat(status().getInt("lastRegionDatasets")).isZero();
        assertThat(status().getString("lastUpdateMode")).isEqualTo("NONE");
        assertThat((Object) dataset("mart.contacts").get()).isEqualTo(contactsBefore);
    }

    @Test
    @Order(2)
    void aJobWhoseColumnLineageChangedIsFollowedAsFarAsVerdictsChange() {
        post(event("copy_contacts", List.of("mart.contacts"), "mart.contacts_copy", List.of("contact"),
                Map.of("contact", "mart.contacts.contact")));
        assertThat(dataset("mart.contacts_copy").getString("state")).isEqualTo("RAW");

        // export_contacts now fills contact from segment: no e-mail reaches contact, nor its copy.
        post(event("export_contacts", List.of("crm.customers"), "mart.contacts", List.of("contact", "segment"),
                Map.of("contact", "crm.customers.segment", "segment", "crm.customers.segment")));
        JsonPath status = status();
        assertThat(status.getString("lastUpdateMode")).isEqualTo("WAVES");
        assertThat(status.getInt("lastWrittenFields")).as("mart.contacts.contact and mart.contacts_copy.contact")
                .isEqualTo(2);
        assertThat(dataset("mart.contacts").getString("state")).isEqualTo("CLEAR");
        assertThat(dataset("mart.contacts_copy").getString("state")).isEqualTo("CLEAR");

        // And back: the e-mail flows again, with the evidence through both jobs.
        post(event("export_contacts", List.of("crm.customers"), "mart.contacts", List.of("contact", "segment"),
                Map.of("contact", "crm.customers.email", "segment", "crm.customers.segment")));
        assertThat(status().getString("lastUpdateMode")).isEqualTo("WAVES");
        JsonPath copy = dataset("mart.contacts_copy");
        assertThat(copy.getString("state")).isEqualTo("RAW");
        assertThat(copy.getList("fields.find { it.name == 'contact' }.categories")).containsExactly("EMAIL");
        assertThat(PiiStoryIT.hops(copy.getList("fields.find { it.name == 'contact' }.evidence"), NS, JOBS))
                .containsExactly("crm.customers.email > mart.contacts.contact [export_contacts DIRECT/IDENTITY]",
                        "mart.contacts.contact > mart.contacts_copy.contact [copy_contacts DIRECT/IDENTITY]");
    }

    @Test
    @Order(3)
    void aTableFirstSeenAsAnInputIsJudgedByItsColumnNames() {
        post(event("copy_legacy", List.of("legacy.users"), "mart.legacy_copy", List.of("user_email"),
                Map.of("user_email", "legacy.users.user_email")));
        JsonPath legacy = dataset("legacy.users");
        assertThat(legacy.getList("fields", Map.class)).extracting(f -> f.get("name") + " " + f.get("state") + " "
                + f.get("source")).containsExactlyInAnyOrder("note CLEAR null", "user_email RAW NAME_RULE");
        JsonPath copy = dataset("mart.legacy_copy");
        assertThat(copy.getString("state")).isEqualTo("RAW");
        assertThat(PiiStoryIT.hops(copy.getList("fields.find { it.name == 'user_email' }.evidence"), NS, JOBS))
                .containsExactly("legacy.users.user_email > mart.legacy_copy.user_email [copy_legacy DIRECT/IDENTITY]");
    }

    @Test
    @Order(4)
    void aJobThatWritesANewTableEachRunCostsTheSameOnEveryRun() {
        List<Integer> regions = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            if (day == 1) {
                beforeDayOne = time(runs);
                dayOneWritten = time(runs + 1);
            }
            post(event("daily_extract", List.of("crm.customers"), "export.day_" + day, List.of("contact"),
                    Map.of("contact", "crm.customers.email")));
            JsonPath status = status();
            assertThat(status.getString("lastUpdateMode")).isEqualTo("WAVES");
            regions.add(status.getInt("lastRegionDatasets"));
            assertThat(dataset("export.day_" + day).getString("state")).isEqualTo("RAW");
            if (day > 1) {
                // The new run did not write yesterday's table: its lineage is history, it holds no current copy.
                assertThat(dataset("export.day_" + (day - 1)).getString("state")).isEqualTo("CLEAR");
            }
        }
        // Each run reads the same region: today's and yesterday's table and the customers table, whatever
        // the job wrote before (this grew by one table per run when updates started from every output).
        assertThat(regions).as("datasets read per run").containsExactly(2, 3, 3, 3, 3, 3);
        assertThat(dataset("export.day_1").getString("state")).isEqualTo("CLEAR");
    }

    @Test
    @Order(5)
    void aJobThatStopsOrStartsReadingPersonalDataChangesWhatItWritesNow() {
        // count_segments (no column lineage) made mart.segment_counts POSSIBLE by reading crm.customers.
        post(event("count_segments", List.of("crm.regions"), "mart.segment_counts", List.of("segment", "n"), Map.of()));
        assertThat(dataset("mart.segment_counts").getString("state")).as("it reads only a clear table now")
                .isEqualTo("CLEAR");

        post(event("count_segments", List.of("crm.regions", "crm.customers"), "mart.segment_counts",
                List.of("segment", "n"), Map.of()));
        assertThat(status().getString("lastUpdateMode")).isEqualTo("REGION");
        JsonPath counts = dataset("mart.segment_counts");
        assertThat(counts.getString("state")).isEqualTo("POSSIBLE");
        assertThat(counts.getList("categories")).containsExactly("EMAIL");

        // Starting to read a clear table, while writing what it wrote before, changes no verdict.
        post(event("count_segments", List.of("crm.regions", "crm.customers", "crm.calendar"), "mart.segment_counts",
                List.of("segment", "n"), Map.of()));
        assertThat(status().getString("lastUpdateMode")).isEqualTo("NONE");
        assertThat(dataset("mart.segment_counts").getString("state")).isEqualTo("POSSIBLE");
    }

    @Test
    @Order(6)
    void askedForHistoryStaleLineagePropagatesAsItDidThen() {
        // export.day_1 holds no current copy of the e-mail (daily_extract has moved on to later tables) ...
        assertThat(dataset("export.day_1").getString("state")).isEqualTo("CLEAR");
        // ... but the copy that run wrote is still there: over every edge ever reported, and as of that run.
        for (Map<String, Object> history : List.<Map<String, Object>>of(Map.of("includeStale", true),
                Map.of("asOf", dayOneWritten))) {
            JsonPath day1 = dataset("export.day_1", history);
            assertThat(day1.getString("state")).as("%s", history).isEqualTo("RAW");
            assertThat(day1.getList("categories")).containsExactly("EMAIL");
            assertThat(PiiStoryIT.hops(day1.getList("fields.find { it.name == 'contact' }.evidence"), NS, JOBS))
                    .containsExactly("crm.customers.email > export.day_1.contact [daily_extract DIRECT/IDENTITY]");
        }
        // Before that run the edge did not exist; asking for history changes nothing stored.
        assertThat(dataset("export.day_1", Map.of("asOf", beforeDayOne)).getString("state")).isEqualTo("CLEAR");
        assertThat(dataset("export.day_1").getString("state")).isEqualTo("CLEAR");

        // Erasure: today's lineage leads to the newest table only; history to every table the job wrote.
        assertThat(erasure("crm.customers", Map.of()).getList("datasets.name", String.class))
                .filteredOn(n -> n.startsWith("export.")).containsExactly("export.day_6");
        JsonPath everything = erasure("crm.customers", Map.of("includeStale", true));
        assertThat(everything.getList("datasets.name", String.class)).filteredOn(n -> n.startsWith("export."))
                .containsExactly("export.day_1", "export.day_2", "export.day_3", "export.day_4", "export.day_5",
                        "export.day_6");
        assertThat(PiiStoryIT.hops(everything.getList("datasets.find { it.name == 'export.day_3' }.fields[0].evidence"),
                NS, JOBS)).containsExactly("crm.customers.email > export.day_3.contact [daily_extract DIRECT/IDENTITY]");
        // A stale copy is itself a source of personal data to erase, when asked for history.
        assertThat(erasure("export.day_1", Map.of()).getList("sourceFields")).isEmpty();
        assertThat(erasure("export.day_1", Map.of("includeStale", true)).getList("sourceFields"))
                .containsExactly("contact");

        // A model trained on a table with e-mails, then retrained on a clear one: its training data was personal.
        // (The model's state is the worst among it and the datasets its jobs read.)
        post(event("train_churn", List.of("export.day_6"), "models.churn", List.of("score"), Map.of()));
        assertThat(model("models.churn", Map.of()).getString("state")).isEqualTo("RAW");
        assertThat(dataset("models.churn").getString("state")).isEqualTo("POSSIBLE");
        post(event("train_churn", List.of("crm.regions"), "models.churn", List.of("score"), Map.of()));
        assertThat(model("models.churn", Map.of()).getString("state")).isEqualTo("CLEAR");
        assertThat(dataset("models.churn").getString("state")).as("it stopped reading the e-mails").isEqualTo("CLEAR");
        JsonPath trained = model("models.churn", Map.of("includeStale", true));
        assertThat(trained.getString("state")).isEqualTo("RAW");
        assertThat(trained.getList("categories")).containsExactly("EMAIL");
        assertThat(trained.getList("trainingData", Map.class)).extracting(d -> d.get("name") + " " + d.get("state"))
                .containsExactly("export.day_6 RAW", "crm.regions CLEAR");

        authorized().queryParams(Map.of("namespace", NS, "name", "export.day_1", "asOf", "yesterday"))
                .get("/api/v1/pii/dataset").then().statusCode(400).body("error", org.hamcrest.Matchers.equalTo(
                        "invalid_value")).body("path", org.hamcrest.Matchers.equalTo("asOf"));
    }

    @Test
    @Order(7)
    void aFullRecomputeAgreesWithTheIncrementalUpdates() {
        List<String> names = List.of("crm.customers", "mart.contacts", "mart.contacts_copy", "mart.segment_counts",
                "legacy.users", "mart.legacy_copy", "export.day_1", "export.day_5", "export.day_6", "models.churn");
        List<Object> before = names.stream().map(n -> dataset(n).get()).toList();
        authorized().post("/api/v1/pii/recompute").then().statusCode(200);
        PiiPropagation.awaitIdle();
        List<Object> after = names.stream().map(n -> dataset(n).get()).toList();
        assertThat(after).isEqualTo(before);
        // What a recompute stored is what the next one computes: it finds nothing to write.
        authorized().post("/api/v1/pii/recompute").then().statusCode(200);
        PiiPropagation.awaitIdle();
        assertThat(status().getString("lastUpdateMode")).isEqualTo("FULL");
        assertThat(status().getInt("lastWrittenFields")).isZero();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static void post(Map<String, Object> event) {
        authorized().contentType("application/json").body(event).post("/api/v1/lineage").then().statusCode(201);
        PiiPropagation.awaitIdle();
    }

    /**
     * A COMPLETE run of {@code job}: inputs with a schema (legacy.users gets user_email and note), one output
     * with {@code fields}, and column lineage {@code output field -> "dataset.field"} (DIRECT/IDENTITY).
     */
    private static Map<String, Object> event(String job, List<String> inputs, String output, List<String> fields,
            Map<String, String> lineage) {
        runs++;
        List<Map<String, Object>> inputList = new ArrayList<>();
        for (String input : inputs) {
            Map<String, Object> dataset = new LinkedHashMap<>(Map.of("namespace", NS, "name", input));
            if (input.equals("legacy.users")) {
                dataset.put("facets", Map.of("schema", Map.of("fields", List.of(Map.of("name", "user_email",
                        "type", "string"), Map.of("name", "note", "type", "string")))));
            }
            inputList.add(dataset);
        }
        Map<String, Object> facets = new LinkedHashMap<>();
        facets.put("schema", Map.of("fields", fields.stream().map(f -> Map.of("name", f, "type", "string")).toList()));
        if (!lineage.isEmpty()) {
            Map<String, Object> columns = new LinkedHashMap<>();
            lineage.forEach((to, from) -> {
                int dot = from.lastIndexOf('.');
                columns.put(to, Map.of("inputFields", List.of(Map.of("namespace", NS, "name", from.substring(0, dot),
                        "field", from.substring(dot + 1), "transformations",
                        List.of(Map.of("type", "DIRECT", "subtype", "IDENTITY"))))));
            });
            facets.put("columnLineage", Map.of("fields", columns));
        }
        return Map.of("eventType", "COMPLETE", "eventTime", time(runs),
                "producer", "https://provenant.dev/tests/pii-incremental",
                "schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent",
                "run", Map.of("runId", String.format("0196b000-0000-7000-8000-%012d", runs)),
                "job", Map.of("namespace", JOBS, "name", job), "inputs", inputList,
                "outputs", List.of(Map.of("namespace", NS, "name", output, "facets", facets)));
    }

    /** The event time of run number {@code run}, a minute apart. */
    private static String time(int run) {
        return Instant.parse("2026-04-01T00:00:00Z").plusSeconds(60L * run).toString();
    }

    private static JsonPath dataset(String name) {
        return dataset(name, Map.of());
    }

    private static JsonPath dataset(String name, Map<String, Object> history) {
        return get("/api/v1/pii/dataset", name, history);
    }

    private static JsonPath erasure(String name, Map<String, Object> history) {
        return get("/api/v1/pii/erasure-impact", name, history);
    }

    private static JsonPath model(String name, Map<String, Object> history) {
        return get("/api/v1/pii/model", name, history);
    }

    private static JsonPath get(String path, String name, Map<String, Object> history) {
        return authorized().queryParams(Map.of("namespace", NS, "name", name)).queryParams(history).get(path).then()
                .statusCode(200).extract().jsonPath();
    }

    private static JsonPath status() {
        return authorized().get("/api/v1/pii/status").then().statusCode(200).extract().jsonPath();
    }
}
