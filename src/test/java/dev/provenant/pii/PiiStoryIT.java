package dev.provenant.pii;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.provenant.support.PiiPropagation;
import dev.provenant.support.TestResources;
import dev.provenant.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

/**
 * PII propagation on a numbered story (src/test/resources/pii/story): a CRM table with tagged and
 * name-ruled columns, a hashing job, a masking count, a join, a job without column lineage, an
 * anonymiser, a sync cycle, a model, and a job that stops copying a column (its story event 13 is
 * posted by the last test). Each test asserts exact states, categories and evidence paths through the HTTP API.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PiiStoryIT {

    static final String NS = "s3://pii-story";
    static final String JOBS = "pii-story";
    private static boolean loaded;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        for (Path file : story()) {
            if (!file.getFileName().toString().startsWith("13-")) {
                post(file);
            }
        }
        PiiPropagation.awaitIdle();
        authorized().contentType("application/json").body(Map.of("namespace", NS, "name", "crm.users", "field",
                "user_id", "categories", List.of("identifier"), "reason", "customer number, links every record to a person"))
                .post("/api/v1/pii/declarations").then().statusCode(201)
                .body("declaredBy", equalTo(BOOTSTRAP_ADMIN)).body("categories", equalTo(List.of("IDENTIFIER")));
        loaded = true;
    }

    @Test
    void sourcesAreDeclaredByStewardTagAndNameRule() {
        JsonPath users = dataset("crm.users");
        assertThat(users.getString("state")).isEqualTo("RAW");
        assertThat(users.getList("categories")).containsExactly("DATE_OF_BIRTH", "EMAIL", "IDENTIFIER", "NAME", "PHONE");
        assertThat(fields(users)).containsExactly(
                "birth_date RAW [DATE_OF_BIRTH] declared NAME_RULE",
                "country CLEAR [] TAG_NOT_PERSONAL",
                "email RAW [EMAIL] declared NAME_RULE",
                "full_name RAW [NAME] declared NAME_RULE",
                "phone RAW [PHONE] declared TAG",
                "user_id RAW [IDENTIFIER] declared STEWARD");
        assertThat(users.getList("fields.evidence.flatten()")).isEmpty();
    }

    @Test
    void aHashIsPseudonymisedByLineageWhateverItsNameSays() {
        JsonPath hashed = dataset("lake.users_hashed");
        assertThat(hashed.getString("state")).isEqualTo("RAW");
        assertThat(hashed.getList("categories")).containsExactly("EMAIL", "IDENTIFIER");
        assertThat(fields(hashed)).containsExactly("country CLEAR [] null", "email_hash PSEUDONYMISED [EMAIL] null",
                "user_id RAW [IDENTIFIER] null");
        assertThat(evidence(hashed, "email_hash")).containsExactly(
                "crm.users.email > lake.users_hashed.email_hash [pseudonymise_users DIRECT/TRANSFORMATION masking]");
        assertThat(evidence(hashed, "user_id")).containsExactly(
                "crm.users.user_id > lake.users_hashed.user_id [pseudonymise_users DIRECT/IDENTITY]");
        Map<String, Object> hop = hashed.getMap("fields.find { it.name == 'email_hash' }.evidence[0]");
        assertThat(hop).isEqualTo(Map.of(
                "from", Map.of("namespace", NS, "name", "crm.users", "field", "email"),
                "to", Map.of("namespace", NS, "name", "lake.users_hashed", "field", "email_hash"),
                "job", Map.of("namespace", JOBS, "name", "pseudonymise_users"),
                "type", "DIRECT", "subtype", "TRANSFORMATION", "masking", true));
    }

    @Test
    void aMaskingCountOfAHashIsAggregated() {
        JsonPath stats = dataset("mart.user_stats");
        assertThat(stats.getString("state")).isEqualTo("AGGREGATED");
        assertThat(fields(stats)).containsExactly("country CLEAR [] null", "users AGGREGATED [EMAIL] null");
        assertThat(evidence(stats, "users")).containsExactly(
                "crm.users.email > lake.users_hashed.email_hash [pseudonymise_users DIRECT/TRANSFORMATION masking]",
                "lake.users_hashed.email_hash > mart.user_stats.users [count_users DIRECT/AGGREGATION masking]");
    }

    @Test
    void aJoinKeyMakesIndirectAndACopiedNameStaysRaw() {
        JsonPath orders = dataset("mart.orders_enriched");
        assertThat(orders.getString("state")).isEqualTo("RAW");
        assertThat(fields(orders)).containsExactly("amount INDIRECT [IDENTIFIER] null", "customer_name RAW [NAME] null",
                "order_id CLEAR [] null");
        assertThat(evidence(orders, "amount")).containsExactly(
                "crm.users.user_id > mart.orders_enriched.amount [enrich_orders INDIRECT/JOIN]");
        assertThat(evidence(orders, "customer_name")).containsExactly(
                "crm.users.full_name > mart.orders_enriched.customer_name [enrich_orders DIRECT/IDENTITY]");
    }

    @Test
    void aJobWithoutColumnLineageMakesItsOutputPossible() {
        JsonPath export = dataset("partner.export");
        assertThat(export.getString("state")).isEqualTo("POSSIBLE");
        assertThat(export.getList("categories")).containsExactly("IDENTIFIER", "NAME");
        assertThat(fields(export)).containsExactly("c1 POSSIBLE [IDENTIFIER, NAME] null",
                "c2 POSSIBLE [IDENTIFIER, NAME] null");
        assertThat(evidence(export, "c1")).containsExactly(
                "crm.users.full_name > mart.orders_enriched.customer_name [enrich_orders DIRECT/IDENTITY]",
                "mart.orders_enriched.customer_name > partner.export.c1 [export_partner DATASET/null]");
    }

    @Test
    void aBarrierStopsPropagationAndIsRecordedListedAndRemovable() {
        assertThat(fields(dataset("research.cohort"))).containsExactly("age_band RAW [DATE_OF_BIRTH] null",
                "region CLEAR [] null");
        assertThat(evidence(dataset("research.cohort"), "age_band")).containsExactly(
                "crm.users.birth_date > research.cohort.age_band [anonymise_cohort DIRECT/TRANSFORMATION]");

        // A steward's own token: the barrier records that steward's name.
        String steward = Tokens.issue("dpo-anna", "steward");
        given().config(PATIENT).auth().oauth2(steward).contentType("application/json").body(Map.of("namespace", JOBS,
                "name", "anonymise_cohort", "reason", "approved k-anonymiser, DPIA 2026-07"))
                .post("/api/v1/pii/barriers").then().statusCode(201)
                .body("declaredBy", equalTo("dpo-anna")).body("reason", equalTo("approved k-anonymiser, DPIA 2026-07"));
        JsonPath cohort = dataset("research.cohort");
        assertThat(cohort.getString("state")).isEqualTo("CLEAR");
        assertThat(fields(cohort)).containsExactly("age_band CLEAR [] null", "region CLEAR [] null");
        List<Map<String, Object>> barriers = authorized().get("/api/v1/pii/barriers").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.namespace == 'pii-story' }");
        assertThat(barriers).singleElement().satisfies(b -> {
            assertThat(b.get("name")).isEqualTo("anonymise_cohort");
            assertThat(b.get("declaredBy")).isEqualTo("dpo-anna");
            assertThat(b.get("declaredAt")).isNotNull();
        });
        assertThat(authorized().queryParams(Map.of("namespace", JOBS, "name", "anonymise_cohort"))
                .get("/api/v1/pii/job").then().statusCode(200).extract().jsonPath().getString("barrier.reason"))
                .isEqualTo("approved k-anonymiser, DPIA 2026-07");

        authorized().queryParams(Map.of("namespace", JOBS, "name", "anonymise_cohort")).delete("/api/v1/pii/barriers")
                .then().statusCode(204);
        authorized().queryParams(Map.of("namespace", JOBS, "name", "anonymise_cohort")).delete("/api/v1/pii/barriers")
                .then().statusCode(404).body("error", equalTo("not_found"));
        assertThat(dataset("research.cohort").getString("state")).isEqualTo("RAW");
    }

    @Test
    void aStewardOverridesANameRuleFalsePositiveAndCanTakeItBack() {
        assertThat(fields(dataset("shop.orders"))).containsExactly("amount CLEAR [] null",
                "mobile RAW [PHONE] declared NAME_RULE", "order_id CLEAR [] null", "user_id CLEAR [] null");
        authorized().contentType("application/json").body(Map.of("namespace", NS, "name", "shop.orders", "field",
                "mobile", "personal", false, "reason", "boolean: order placed in the mobile app"))
                .post("/api/v1/pii/declarations").then().statusCode(201).body("personal", equalTo(false));
        JsonPath orders = dataset("shop.orders");
        assertThat(orders.getString("state")).isEqualTo("CLEAR");
        assertThat(fields(orders)).contains("mobile CLEAR [] STEWARD_NOT_PERSONAL");
        List<Map<String, Object>> declarations = authorized().get("/api/v1/pii/declarations").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.namespace == 's3://pii-story' && it.field == 'mobile' }");
        assertThat(declarations).singleElement().satisfies(d -> {
            assertThat(d.get("personal")).isEqualTo(false);
            assertThat(d.get("reason")).isEqualTo("boolean: order placed in the mobile app");
            assertThat(d.get("declaredBy")).isEqualTo(BOOTSTRAP_ADMIN);
        });

        authorized().queryParams(Map.of("namespace", NS, "name", "shop.orders", "field", "mobile"))
                .delete("/api/v1/pii/declarations").then().statusCode(204);
        assertThat(fields(dataset("shop.orders"))).contains("mobile RAW [PHONE] declared NAME_RULE");
    }

    @Test
    void aCycleTerminatesWithTheShortestPath() {
        assertThat(fields(dataset("sync.a"))).containsExactly("email RAW [EMAIL] null");
        assertThat(evidence(dataset("sync.a"), "email")).containsExactly(
                "crm.users.email > sync.a.email [seed_sync DIRECT/IDENTITY]");
        assertThat(evidence(dataset("sync.b"), "email")).containsExactly(
                "crm.users.email > sync.a.email [seed_sync DIRECT/IDENTITY]",
                "sync.a.email > sync.b.email [sync_a_to_b DIRECT/IDENTITY]");
    }

    @Test
    void categoriesFlowIntoTheModel() {
        JsonPath model = authorized().queryParams(Map.of("namespace", NS, "name", "models.churn"))
                .get("/api/v1/pii/model").then().statusCode(200).extract().jsonPath();
        assertThat(model.getString("state")).isEqualTo("RAW");
        assertThat(model.getList("categories")).containsExactly("EMAIL", "IDENTIFIER", "NAME");
        assertThat(model.getString("worst.name")).isEqualTo("mart.orders_enriched");
        assertThat(hops(model.getList("worst.evidence"))).containsExactly(
                "crm.users.full_name > mart.orders_enriched.customer_name [enrich_orders DIRECT/IDENTITY]");
        assertThat(model.getList("trainingData", Map.class)).extracting(d -> d.get("name") + " " + d.get("state"))
                .containsExactly("mart.orders_enriched RAW", "mart.user_stats AGGREGATED");
        assertThat(model.getString("upstreamState")).isEqualTo("RAW");
        assertThat(model.getList("upstreamCategories")).contains("DATE_OF_BIRTH", "EMAIL", "IDENTIFIER", "NAME", "PHONE");
        assertThat(model.getList("upstream", Map.class)).extracting(d -> d.get("name"))
                .startsWith("mart.orders_enriched", "mart.user_stats")
                .contains("crm.users", "lake.users_hashed", "shop.orders").hasSize(5);
        assertThat(dataset("models.churn").getString("state")).as("its own job gave no column lineage")
                .isEqualTo("POSSIBLE");
    }

    @Test
    void aJobShowsWhatPersonalDataItReadsAndWrites() {
        JsonPath job = authorized().queryParams(Map.of("namespace", JOBS, "name", "pseudonymise_users"))
                .get("/api/v1/pii/job").then().statusCode(200).extract().jsonPath();
        assertThat(job.getString("reads")).isEqualTo("RAW");
        assertThat(job.getString("writes")).isEqualTo("RAW");
        assertThat(job.getList("inputs.name")).containsExactly("crm.users");
        assertThat(job.getList("outputs[0].personalFields", Map.class)).extracting(f -> f.get("name") + " " + f.get("state"))
                .containsExactly("email_hash PSEUDONYMISED", "user_id RAW");
        assertThat(job.getString("barrier")).isNull();
        authorized().queryParams(Map.of("namespace", JOBS, "name", "nope")).get("/api/v1/pii/job").then().statusCode(404);
    }

    @Test
    void theErasureReportListsEveryRawOrPseudonymisedCopyWithItsPath() {
        JsonPath email = erasure(Map.of("namespace", NS, "name", "crm.users", "field", "email"));
        assertThat(email.getList("sourceFields")).containsExactly("email");
        assertThat(copies(email)).as("legacy.contacts still copies it: story event 13 comes last").containsExactly(
                "lake.users_hashed.email_hash PSEUDONYMISED",
                "legacy.contacts.contact_value RAW",
                "sync.a.email RAW",
                "sync.b.email RAW");
        assertThat(hops(email.getList("datasets.find { it.name == 'sync.b' }.fields[0].evidence"))).containsExactly(
                "crm.users.email > sync.a.email [seed_sync DIRECT/IDENTITY]",
                "sync.a.email > sync.b.email [sync_a_to_b DIRECT/IDENTITY]");
        assertThat(email.getList("possible")).as("models.churn is reached only through a masking count").isEmpty();

        JsonPath all = erasure(Map.of("namespace", NS, "name", "crm.users"));
        assertThat(all.getList("sourceFields")).containsExactly("birth_date", "email", "full_name", "phone", "user_id");
        assertThat(copies(all)).containsExactly(
                "lake.users_hashed.email_hash PSEUDONYMISED",
                "lake.users_hashed.user_id RAW",
                "legacy.contacts.contact_value RAW",
                "mart.orders_enriched.customer_name RAW",
                "research.cohort.age_band RAW",
                "sync.a.email RAW",
                "sync.b.email RAW");
        assertThat(all.getList("possible.name")).containsExactly("models.churn", "partner.export");
        authorized().queryParams(Map.of("namespace", NS, "name", "crm.users", "field", "nope"))
                .get("/api/v1/pii/erasure-impact").then().statusCode(404);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void onlyCurrentLineagePropagatesAndIngestUpdatesIncrementally() {
        JsonPath before = dataset("legacy.contacts");
        assertThat(fields(before)).containsExactly("contact_value RAW [EMAIL] null", "country CLEAR [] null");
        assertThat(evidence(before, "contact_value")).containsExactly(
                "crm.users.email > legacy.contacts.contact_value [copy_contacts DIRECT/IDENTITY]");
        // The job's next run no longer copies the column: its edge stops being current.
        post(story().stream().filter(p -> p.getFileName().toString().startsWith("13-")).findFirst().orElseThrow());
        PiiPropagation.awaitIdle();
        JsonPath after = dataset("legacy.contacts");
        assertThat(after.getString("state")).isEqualTo("CLEAR");
        assertThat(fields(after)).containsExactly("contact_value CLEAR [] null", "country CLEAR [] null");
    }

    @Test
    void theOverviewCountsStatesAndCategoriesAndNamesSources() {
        JsonPath overview = authorized().get("/api/v1/pii/overview").then().statusCode(200).extract().jsonPath();
        assertThat(overview.getMap("fields").keySet()).containsExactly("RAW", "PSEUDONYMISED", "AGGREGATED", "INDIRECT",
                "POSSIBLE", "CLEAR");
        assertThat(overview.getLong("fields.AGGREGATED")).isGreaterThanOrEqualTo(1);
        assertThat(overview.getLong("datasets.POSSIBLE")).isGreaterThanOrEqualTo(2);
        assertThat(overview.getList("categories.category")).contains("EMAIL", "IDENTIFIER", "NAME", "PHONE");
        List<Map<String, Object>> declared = overview.getList("declaredSources.findAll { it.namespace == 's3://pii-story' }");
        assertThat(declared).extracting(d -> d.get("name") + "." + d.get("field") + " " + d.get("source"))
                .contains("crm.users.user_id STEWARD", "crm.users.phone TAG", "crm.users.email NAME_RULE",
                        "crm.users.country TAG_NOT_PERSONAL");
        assertThat(overview.getList("mostExposed", Map.class)).isNotEmpty()
                .allSatisfy(d -> assertThat(((Number) d.get("raw")).longValue() + ((Number) d.get("pseudonymised")).longValue())
                        .isPositive());
    }

    @Test
    void badRequestsGetTheErrorShape() {
        authorized().queryParams(Map.of("namespace", NS)).get("/api/v1/pii/dataset").then().statusCode(400)
                .body("error", equalTo("missing_parameter")).body("path", equalTo("name"));
        authorized().queryParams(Map.of("namespace", NS, "name", "nope")).get("/api/v1/pii/dataset").then()
                .statusCode(404).body("error", equalTo("not_found"));
        authorized().contentType("application/json").body(Map.of("namespace", NS, "name", "crm.users", "field", "email",
                "reason", "no categories")).post("/api/v1/pii/declarations").then().statusCode(400)
                .body("path", equalTo("categories"));
        authorized().contentType("application/json").body(Map.of("namespace", JOBS, "name", "x"))
                .post("/api/v1/pii/barriers").then().statusCode(400).body("path", equalTo("reason"));
        given().get("/api/v1/pii/overview").then().statusCode(401);
    }

    // ---- helpers -------------------------------------------------------------------------------

    static List<Path> story() {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/pii/story"))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void post(Path file) {
        try {
            authorized().contentType("application/json").body(Files.readAllBytes(file)).post("/api/v1/lineage")
                    .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static JsonPath dataset(String name) {
        return authorized().queryParams(Map.of("namespace", NS, "name", name)).get("/api/v1/pii/dataset").then()
                .statusCode(200).body("namespace", equalTo(NS)).body("name", equalTo(name)).extract().jsonPath();
    }

    private static JsonPath erasure(Map<String, String> query) {
        return authorized().queryParams(query).get("/api/v1/pii/erasure-impact").then().statusCode(200).extract()
                .jsonPath();
    }

    private static List<String> copies(JsonPath erasure) {
        return erasure.getList("datasets", Map.class).stream().flatMap(d -> ((List<Map<String, Object>>) d.get("fields"))
                .stream().map(f -> d.get("name") + "." + f.get("name") + " " + f.get("state"))).toList();
    }

    /** "name STATE [CATEGORIES] [declared] source" per field, in path order. */
    private static List<String> fields(JsonPath dataset) {
        return dataset.getList("fields", Map.class).stream().map(f -> f.get("name") + " " + f.get("state") + " "
                + f.get("categories").toString() + (Boolean.TRUE.equals(f.get("declared")) ? " declared " : " ")
                + f.get("source")).toList();
    }

    private static List<String> evidence(JsonPath dataset, String field) {
        return hops(dataset.getList("fields.find { it.name == '" + field + "' }.evidence"));
    }

    /** "from > to [job TYPE/SUBTYPE masking]" per hop; every hop stays within the story's namespaces. */
    static List<String> hops(List<?> evidence) {
        return hops(evidence, NS, JOBS);
    }

    /** As {@link #hops(List)}, for a story in other namespaces. */
    static List<String> hops(List<?> evidence, String datasetNamespace, String jobNamespace) {
        return evidence.stream().map(h -> (Map<String, Map<String, Object>>) h).map(h -> {
            assertThat(h.get("from").get("namespace")).isEqualTo(datasetNamespace);
            assertThat(h.get("to").get("namespace")).isEqualTo(datasetNamespace);
            assertThat(h.get("job").get("namespace")).isEqualTo(jobNamespace);
            Map<String, Object> hop = (Map<String, Object>) (Map<?, ?>) h;
            return h.get("from").get("name") + "." + h.get("from").get("field") + " > " + h.get("to").get("name") + "."
                    + h.get("to").get("field") + " [" + h.get("job").get("name") + " " + hop.get("type") + "/"
                    + hop.get("subtype") + (Boolean.TRUE.equals(hop.get("masking")) ? " masking" : "") + "]";
        }).toList();
    }

    /** Generous timeouts: the shared test machine can be very busy, and steward calls wait for propagation. */
    private static final RestAssuredConfig PATIENT = RestAssuredConfig.config().httpClient(
            HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 180_000)
                    .setParam("http.connection.timeout", 30_000));

    /** The name the bootstrap admin token is recorded under (security/Caller). */
    private static final String BOOTSTRAP_ADMIN = "admin (provenant.auth.admin-token)";

    static RequestSpecification authorized() {
        return given().config(PATIENT).auth().oauth2(TestResources.ADMIN_TOKEN);
    }
}
