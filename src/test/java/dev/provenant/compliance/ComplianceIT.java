package dev.provenant.compliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.audit.AccessLogWriter;
import dev.provenant.support.PiiPropagation;
import dev.provenant.support.TestResources;
import dev.provenant.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compliance outputs on a small story through real ingest: a CRM table whose {@code reach} column a
 * steward declares to be an e-mail address, copied by {@code load_customers} with column lineage into
 * {@code raw.customers}, on which {@code train_churn} trains {@code models.churn}; plus an unrelated job
 * whose events must stay out of the model's audit package.
 */
@QuarkusTest
class ComplianceIT {

    static final String CRM = "postgres://compliance-it-crm:5432";
    static final String LAKE = "s3://compliance-it";
    static final String JOBS = "compliance-it";
    static final String LOAD_RUN = "0196c000-0000-7000-8000-000000000001";
    static final String TRAIN_RUN = "0196c000-0000-7000-8000-000000000002";
    static final String OTHER_RUN = "0196c000-0000-7000-8000-000000000003";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean loaded;

    @Inject
    AccessLogWriter accessLog;

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestResources.ADMIN_TOKEN);
    }

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        post("""
                {"eventType":"COMPLETE","eventTime":"2026-04-01T10:00:00Z","producer":"https://provenant.dev/tests/compliance",
                 "run":{"runId":"%s"},
                 "job":{"namespace":"%s","name":"load_customers","facets":{"sourceCodeLocation":{
                   "_producer":"https://provenant.dev/tests/compliance","_schemaURL":"https://openlineage.io/spec/facets/1-0-0/SourceCodeLocationJobFacet.json",
                   "type":"git","url":"https://git.example/etl/blob/abc123/load.py","repoUrl":"https://git.example/etl.git",
                   "path":"load.py","version":"abc123","branch":"main"}}},
                 "inputs":[{"namespace":"%s","name":"crm.public.customers","facets":{
                   "schema":{"_producer":"p","_schemaURL":"s","fields":[{"name":"customer_no","type":"int"},{"name":"reach","type":"text"}]},
                   "ownership":{"_producer":"p","_schemaURL":"s","owners":[{"name":"team:crm","type":"TEAM"}]}}}],
                 "outputs":[{"namespace":"%s","name":"raw.customers","facets":{
                   "schema":{"_producer":"p","_schemaURL":"s","fields":[{"name":"customer_no","type":"int"},{"name":"reach","type":"text"}]},
                   "ownership":{"_producer":"p","_schemaURL":"s","owners":[{"name":"team:data-platform","type":"TEAM"}]},
                   "columnLineage":{"_producer":"p","_schemaURL":"s","fields":{
                     "customer_no":{"inputFields":[{"namespace":"%s","name":"crm.public.customers","field":"customer_no",
                       "transformations":[{"type":"DIRECT","subtype":"IDENTITY"}]}]},
                     "reach":{"inputFields":[{"namespace":"%s","name":"crm.public.customers","field":"reach",
                       "transformations":[{"type":"DIRECT","subtype":"IDENTITY"}]}]}}}}}]}
                """.formatted(LOAD_RUN, JOBS, CRM, LAKE, CRM, CRM));
        String train = """
                {"eventType":"%s","eventTime":"%s","producer":"https://provenant.dev/tests/compliance",
                 "run":{"runId":"%s","facets":{"trainingParameters":{"_producer":"p","_schemaURL":"s","learning_rate":0.1,"epochs":20}}},
                 "job":{"namespace":"%s","name":"train_churn","facets":{"sourceCodeLocation":{
                   "_producer":"p","_schemaURL":"s","type":"git","url":"https://git.example/ml/blob/def456/train.py",
                   "repoUrl":"https://git.example/ml.git","path":"train.py","version":"def456"}}},
                 "inputs":[{"namespace":"%s","name":"raw.customers"}],
                 "outputs":[{"namespace":"%s","name":"models.churn","facets":{
                   "datasetType":{"_producer":"p","_schemaURL":"s","datasetType":"MODEL","subType":""}},
                   "outputFacets":{"modelMetrics":{"_producer":"p","_schemaURL":"s","auc":0.91}}}]}
                """;
        post(train.formatted("START", "2026-04-02T09:00:00Z", TRAIN_RUN, JOBS, LAKE, LAKE));
        post(train.formatted("COMPLETE", "2026-04-02T09:30:00Z", TRAIN_RUN, JOBS, LAKE, LAKE));
        post("""
                {"eventType":"COMPLETE","eventTime":"2026-04-03T08:00:00Z","producer":"https://provenant.dev/tests/compliance",
                 "run":{"runId":"%s"},"job":{"namespace":"%s","name":"unrelated"},
                 "inputs":[],"outputs":[{"namespace":"%s","name":"misc.lookup"}]}
                """.formatted(OTHER_RUN, JOBS, LAKE));
        PiiPropagation.awaitIdle();
        admin().contentType("application/json").body(Map.of("namespace", CRM, "name", "crm.public.customers",
                "field", "reach", "categories", List.of("email"), "reason", "holds the customer's e-mail address"))
                .post("/api/v1/pii/declarations").then().statusCode(201);
        loaded = true;
    }

    @Test
    void modelDocumentationNamesTheEmailThatReachesTheModelWithItsEvidence() {
        JsonPath doc = admin().queryParams(Map.of("namespace", LAKE, "name", "models.churn"))
                .get("/api/v1/compliance/model-documentation").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("namespace")).isEqualTo(LAKE);
        assertThat(doc.getString("model.currentVersion")).isEqualTo("run:" + TRAIN_RUN);
        assertThat(doc.getList("trainingData.datasets.name")).containsExactly("raw.customers", "crm.public.customers");
        assertThat(doc.getList("trainingData.jobs.name")).containsExactly("train_churn", "load_customers");
        assertThat(doc.getBoolean("trainingData.isPartial")).isFalse();

        assertThat(doc.getString("personalData.state")).isEqualTo("RAW");
        assertThat(doc.getList("personalData.categories")).containsExactly("EMAIL");
        assertThat(doc.getString("personalData.worst.name")).isEqualTo("raw.customers");
        assertThat(doc.getList("personalData.worst.evidence", Map.class)).extracting(ComplianceIT::hop)
                .containsExactly("crm.public.customers.reach > raw.customers.reach [load_customers DIRECT/IDENTITY]");
        assertThat(doc.getList("personalData.upstreamCategories")).containsExactly("EMAIL");

        assertThat(doc.getList("dataSources", Map.class)).extracting(d -> d.get("name") + " " + d.get("piiState") + " "
                + d.get("piiCategories") + " " + d.get("owners"))
                .containsExactly("crm.public.customers RAW [EMAIL] [team:crm]",
                        "raw.customers RAW [EMAIL] [team:data-platform]");
        assertThat(doc.getList("transformations.codeVersions", Map.class)).extracting(c -> c.get("path") + "@"
                + c.get("version")).containsExactlyInAnyOrder("train.py@def456", "load.py@abc123");
        assertThat(doc.getList("parameters", Map.class)).extracting(p -> p.get("source") + " " + p.get("facet") + " "
                + p.get("runId") + " " + ((Map<?, ?>) p.get("value")).get("learning_rate"))
                .containsExactly("run trainingParameters " + TRAIN_RUN + " 0.1");
        assertThat(doc.getList("metrics", Map.class)).extracting(m -> m.get("source") + " " + m.get("facet") + " "
                + ((Map<?, ?>) m.get("value")).get("auc")).containsExactly("output modelMetrics 0.91");
        assertThat(doc.getList("trainingRuns", Map.class)).extracting(r -> r.get("runId") + " " + r.get("state"))
                .containsExactly(TRAIN_RUN + " COMPLETE");
        assertThat(doc.getList("declarations", Map.class)).extracting(d -> d.get("name") + "." + d.get("field") + " "
                + d.get("categories") + " by " + d.get("declaredBy") + ": " + d.get("reason"))
                .containsExactly("crm.public.customers.reach [EMAIL] by admin (provenant.auth.admin-token): holds the customer's e-mail address");
    }

    @Test
    void modelDocumentationRefusesWhatIsNotAModel() {
        admin().queryParams(Map.of("namespace", LAKE, "name", "raw.customers"))
                .get("/api/v1/compliance/model-documentation").then().statusCode(404).body("error", equalTo("not_found"));
        admin().queryParams(Map.of("namespace", LAKE)).get("/api/v1/compliance/model-documentation").then()
                .statusCode(400).body("path", equalTo("name"));
    }

    @Test
    void processingRecordForEmailListsDatasetsJobsAndModels() {
        JsonPath record = admin().queryParam("category", "email").get("/api/v1/compliance/processing-record").then()
                .statusCode(200).extract().jsonPath();
        assertThat(record.getString("category")).isEqualTo("EMAIL");
        // The graph is shared with other test classes: look at this story's namespaces only.
        assertThat(record.getList("datasets", Map.class)).filteredOn(ComplianceIT::mine)
                .extracting(d -> d.get("name") + " " + d.get("state") + " " + d.get("owners") + " " + d.get("fields"))
                .containsExactly("crm.public.customers RAW [team:crm] [{path=reach, state=RAW, source=STEWARD}]",
                        "models.churn POSSIBLE [] []",
                        "raw.customers RAW [team:data-platform] [{path=reach, state=RAW, source=null}]");
        assertThat(record.getList("jobs", Map.class)).filteredOn(ComplianceIT::mine)
                .extracting(j -> j.get("name") + " reads " + names(j.get("reads")) + " writes " + names(j.get("writes")))
                .containsExactly("load_customers reads [crm.public.customers] writes [raw.customers]",
                        // models.churn holds EMAIL (POSSIBLE, listed above), so its writer writes it.
                        "train_churn reads [raw.customers] writes [models.churn]");
        assertThat(record.getList("models", Map.class)).filteredOn(ComplianceIT::mine)
                .extracting(m -> m.get("name") + " " + m.get("holds") + " " + names(m.get("trainedBy")))
                .containsExactly("models.churn true [train_churn]");
        admin().queryParam("category", "e-mail!").get("/api/v1/compliance/processing-record").then().statusCode(400)
                .body("path", equalTo("category"));
    }

    @Test
    void auditPackageHoldsReportsEventsAccessLogAndAVerifiableManifest() throws Exception {
        admin().queryParams(Map.of("namespace", LAKE, "name", "models.churn"))
                .get("/api/v1/compliance/model-documentation").then().statusCode(200);
        accessLog.flush(30_000);

        Response response = admin().queryParams(Map.of("namespace", LAKE, "name", "models.churn"))
                .get("/api/v1/compliance/audit-package").then().statusCode(200).contentType("application/zip").extract()
                .response();
        Map<String, byte[]> entries = unzip(response.asByteArray());
        List<String> eventFiles = entries.keySet().stream().filter(n -> n.startsWith("events/") && !n.endsWith("index.json"))
                .toList();
        assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(concat(List.of("MANIFEST.sha256",
                "access-log.json", "declarations.json", "events/index.json", "lineage.json", "model-documentation.json",
                "package.json", "personal-data.json", "processing-records/EMAIL.json"), eventFiles));

        // The raw events: the three of load_customers and train_churn, none of the unrelated job; each file's
        // SHA-256 is the event's hash in the event log.
        JsonNode index = JSON.readTree(entries.get("events/index.json"));
        List<String> runs = new ArrayList<>();
        index.forEach(e -> runs.add(e.get("runId").asText() + " " + e.get("eventType").asText()));
        assertThat(runs).containsExactly(LOAD_RUN + " COMPLETE", TRAIN_RUN + " START", TRAIN_RUN + " COMPLETE");
        assertThat(eventFiles).hasSize(3);
        for (JsonNode e : index) {
            byte[] payload = entries.get(e.get("file").asText());
            assertThat(sha256(payload)).isEqualTo(e.get("hash").asText());
            assertThat(JSON.readTree(payload).at("/run/runId").asText()).isEqualTo(e.get("runId").asText());
        }

        // The manifest: sha256sum format over every other file, each hash recomputed here.
        String manifest = new String(entries.get("MANIFEST.sha256"), StandardCharsets.UTF_8);
        Map<String, String> listed = new TreeMap<>();
        for (String line : manifest.split("\n")) {
            assertThat(line).matches("[0-9a-f]{64}  \\S+");
            listed.put(line.substring(66), line.substring(0, 64));
        }
        Map<String, String> recomputed = new TreeMap<>();
        entries.forEach((name, content) -> {
            if (!name.equals("MANIFEST.sha256")) {
                recomputed.put(name, sha256(content));
            }
        });
        assertThat(listed).isEqualTo(recomputed);
        assertThat(response.header("X-Manifest-SHA256")).isEqualTo(sha256(entries.get("MANIFEST.sha256")));

        JsonNode info = JSON.readTree(entries.get("package.json"));
        assertThat(info.at("/scope/root/name").asText()).isEqualTo("models.churn");
        assertThat(info.at("/scope/model").asBoolean()).isTrue();
        assertThat(info.get("events").asInt()).isEqualTo(3);
        assertThat(info.get("categories").toString()).isEqualTo("[\"EMAIL\"]");
        assertThat(info.get("verification").asText()).contains("sha256sum -c MANIFEST.sha256");

        JsonNode documentation = JSON.readTree(entries.get("model-documentation.json"));
        assertThat(documentation.at("/personalData/categories").toString()).isEqualTo("[\"EMAIL\"]");
        JsonNode email = JSON.readTree(entries.get("processing-records/EMAIL.json"));
        assertThat(email.get("category").asText()).isEqualTo("EMAIL");

        List<String> reads = new ArrayList<>();
        JSON.readTree(entries.get("access-log.json")).forEach(e -> reads.add(e.get("method").asText() + " "
                + e.get("path").asText() + " " + e.get("status").asInt()));
        assertThat(reads).contains("GET /api/v1/compliance/model-documentation 200");
    }

    @Test
    void auditPackageIsForAdminsOnlyAndOfADatasetToo() throws Exception {
        String steward = Tokens.issue("compliance-steward", "steward");
        given().auth().oauth2(steward).queryParams(Map.of("namespace", LAKE, "name", "models.churn"))
                .get("/api/v1/compliance/audit-package").then().statusCode(403);
        given().queryParams(Map.of("namespace", LAKE, "name", "models.churn"))
                .get("/api/v1/compliance/audit-package").then().statusCode(401);
        admin().queryParams(Map.of("namespace", LAKE, "name", "nope")).get("/api/v1/compliance/audit-package").then()
                .statusCode(404);

        Response response = admin().queryParams(Map.of("namespace", LAKE, "name", "raw.customers"))
                .get("/api/v1/compliance/audit-package").then().statusCode(200).extract().response();
        Map<String, byte[]> entries = unzip(response.asByteArray());
        assertThat(entries).doesNotContainKey("model-documentation.json").containsKey("processing-records/EMAIL.json");
        JsonNode index = JSON.readTree(entries.get("events/index.json"));
        assertThat(index).hasSize(1);
        assertThat(index.get(0).get("runId").asText()).isEqualTo(LOAD_RUN);
        JsonNode personal = JSON.readTree(entries.get("personal-data.json"));
        assertThat(personal.get("categories").toString()).isEqualTo("[\"EMAIL\"]");
    }

    /**
     * The offline check docs/compliance.md prints: unzip, then {@code sha256sum -c MANIFEST.sha256} in the
     * package directory, and {@code sha256sum MANIFEST.sha256} equals the X-Manifest-SHA256 header. Runs the
     * real coreutils command where it is installed, else the same check with the JDK.
     */
    @Test
    void aDownloadedPackageVerifiesOfflineWithTheDocumentedCommand() throws Exception {
        Response response = admin().queryParams(Map.of("namespace", LAKE, "name", "models.churn"))
                .get("/api/v1/compliance/audit-package").then().statusCode(200).extract().response();
        java.nio.file.Path pkg = java.nio.file.Files.createTempDirectory("audit-package-");
        for (Map.Entry<String, byte[]> entry : unzip(response.asByteArray()).entrySet()) {
            java.nio.file.Path file = pkg.resolve(entry.getKey()).normalize();
            assertThat(file.startsWith(pkg)).as(entry.getKey()).isTrue();
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.write(file, entry.getValue());
        }
        java.nio.file.Path sha256sum = java.nio.file.Path.of("/usr/bin/sha256sum");
        if (java.nio.file.Files.isExecutable(sha256sum)) {
            Process check = new ProcessBuilder(sha256sum.toString(), "-c", "MANIFEST.sha256").directory(pkg.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor()).as(output).isZero();
            assertThat(output).contains("model-documentation.json: OK", "events/index.json: OK")
                    .doesNotContain("FAILED");
            Process manifest = new ProcessBuilder(sha256sum.toString(), "MANIFEST.sha256").directory(pkg.toFile()).start();
            String line = new String(manifest.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(manifest.waitFor()).isZero();
            assertThat(line).startsWith(response.header("X-Manifest-SHA256") + "  MANIFEST.sha256");
        } else {
            for (String line : java.nio.file.Files.readAllLines(pkg.resolve("MANIFEST.sha256"))) {
                assertThat(sha256(java.nio.file.Files.readAllBytes(pkg.resolve(line.substring(66)))))
                        .as(line.substring(66)).isEqualTo(line.substring(0, 64));
            }
            assertThat(sha256(java.nio.file.Files.readAllBytes(pkg.resolve("MANIFEST.sha256"))))
                    .isEqualTo(response.header("X-Manifest-SHA256"));
        }
        // A changed file is caught by the same command.
        java.nio.file.Files.writeString(pkg.resolve("package.json"), "{}");
        if (java.nio.file.Files.isExecutable(sha256sum)) {
            Process check = new ProcessBuilder(sha256sum.toString(), "-c", "--quiet", "MANIFEST.sha256")
                    .directory(pkg.toFile()).redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor()).isNotZero();
            assertThat(output).contains("package.json: FAILED");
        }
        try (var files = java.nio.file.Files.walk(pkg)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static boolean mine(Map<?, ?> entity) {
        return CRM.equals(entity.get("namespace")) || LAKE.equals(entity.get("namespace"))
                || JOBS.equals(entity.get("namespace"));
    }

    private static List<String> names(Object keys) {
        return ((List<?>) keys).stream().map(k -> (String) ((Map<?, ?>) k).get("name")).toList();
    }

    private static String hop(Map<?, ?> hop) {
        Map<?, ?> from = (Map<?, ?>) hop.get("from");
        Map<?, ?> to = (Map<?, ?>) hop.get("to");
        Map<?, ?> job = (Map<?, ?>) hop.get("job");
        return from.get("name") + "." + from.get("field") + " > " + to.get("name") + "." + to.get("field") + " ["
                + job.get("name") + " " + hop.get("type") + "/" + hop.get("subtype") + "]";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void post(String event) {
        int status = admin().contentType("application/json").body(event).post("/api/v1/lineage").statusCode();
        assertThat(status).as(event).isIn(200, 201);
    }

}
