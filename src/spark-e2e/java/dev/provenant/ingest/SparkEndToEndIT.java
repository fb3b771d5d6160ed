package dev.provenant.ingest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.support.Api;
import dev.provenant.support.ProvenantProcess;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real local Spark 3.5 session with the openlineage-spark 1.37.0 listener posting to the packaged
 * Provenant jar: personal data hashed, joined raw and aggregated, then read back through the API.
 * Only compiled and run in the Maven profile {@code spark-e2e} (docs/integrations.md).
 */
class SparkEndToEndIT {

    private static final String TOKEN = "spark-e2e-admin";
    private static final String NAMESPACE = "spark-e2e";
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ProvenantProcess server;
    private static Api api;
    private static Path tables;

    @BeforeAll
    static void runPipeline() throws IOException {
        Path root = Path.of("target", "spark-e2e").toAbsolutePath();
        deleteTree(root);
        tables = Files.createDirectories(root.resolve("tables"));
        server = ProvenantProcess.start(Files.createDirectories(root.resolve("data")),
                Map.of("provenant.auth.admin-token", TOKEN, "quarkus.http.host", "127.0.0.1"));
        api = new Api(server.baseUrl(), TOKEN);

        // A steward declares the source column, rather than relying on the name rule for "email":
        // the declaration is explicit, carries the category and holds whatever rules are configured.
        HttpResponse<String> declared = api.post("/api/v1/pii/declarations", JSON.writeValueAsBytes(Map.of(
                "namespace", "file", "name", table("users"), "field", "email",
                "categories", List.of("EMAIL"), "reason", "customer e-mail address")));
        assertEquals(201, declared.statusCode(), declared.body());

        SparkSession spark = SparkSession.builder()
                .appName("provenant_e2e")
                .master("local[1]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "1")
                .config("spark.sql.warehouse.dir", root.resolve("warehouse").toString())
                .config("spark.extraListeners", "io.openlineage.spark.agent.OpenLineageSparkListener")
                .config("spark.openlineage.transport.type", "http")
                .config("spark.openlineage.transport.url", server.baseUrl())
                .config("spark.openlineage.transport.endpoint", "/api/v1/lineage")
                .config("spark.openlineage.transport.auth.type", "api_key")
                .config("spark.openlineage.transport.auth.apiKey", TOKEN)
                .config("spark.openlineage.namespace", NAMESPACE)
                .getOrCreate();
        try {
            StructType usersSchema = new StructType()
                    .add("id", DataTypes.IntegerType).add("email", DataTypes.StringType)
                    .add("name", DataTypes.StringType).add("country", DataTypes.StringType);
            spark.createDataFrame(List.of(
                    RowFactory.create(1, "ada@example.org", "Ada Lovelace", "GB"),
                    RowFactory.create(2, "alan@example.org", "Alan Turing", "GB"),
                    RowFactory.create(3, "grace@example.org", "Grace Hopper", "US")), usersSchema)
                    .write().mode(SaveMode.Overwrite).parquet(table("users"));
            StructType ordersSchema = new StructType()
                    .add("user_id", DataTypes.IntegerType).add("amount", DataTypes.DoubleType);
            spark.createDataFrame(List.of(RowFactory.create(1, 12.5), RowFactory.create(1, 3.0),
                    RowFactory.create(3, 99.9)), ordersSchema)
                    .write().mode(SaveMode.Overwrite).parquet(table("orders"));

            Dataset<Row> users = spark.read().parquet(table("users"));
            Dataset<Row> orders = spark.read().parquet(table("orders"));
            // job 1: pseudonymise
            users.select(functions.col("id"), functions.sha2(functions.col("email"), 256).as("email_hash"),
                    functions.col("country"))
                    .write().mode(SaveMode.Overwrite).parquet(table("users_hashed"));
            // job 2: join the raw e-mail onto orders
            orders.join(users, orders.col("user_id").equalTo(users.col("id")))
                    .select(orders.col("user_id"), orders.col("amount"), users.col("email"))
                    .write().mode(SaveMode.Overwrite).parquet(table("orders_enriched"));
            // job 3: aggregate
            users.groupBy("country").agg(functions.countDistinct("email").as("email_count"))
                    .write().mode(SaveMode.Overwrite).parquet(table("country_counts"));
        } finally {
            // Stopping the context ends the application: the listener emits its last events and closes.
            spark.stop();
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void lineageAndPiiStatesOfTheRealSparkEvents() throws IOException {
        settle("country_counts", view -> view.path("fields").size() > 0);
        Map<String, Object> seen = new TreeMap<>();
        for (String name : List.of("users", "orders", "users_hashed", "orders_enriched", "country_counts")) {
            seen.put(name + ".pii", pii(name));
            seen.put(name + ".lineage", datasetLineage(name));
        }
        seen.put("edges", Map.of(
                "users_hashed.email_hash", fieldEdges("users_hashed", "email_hash"),
                "orders_enriched.email", fieldEdges("orders_enriched", "email"),
                "orders_enriched.user_id", fieldEdges("orders_enriched", "user_id"),
                "country_counts.email_count", fieldEdges("country_counts", "email_count"),
                "country_counts.country", fieldEdges("country_counts", "country")));
        // Written before asserting, so a failure shows everything Spark's events became.
        Files.writeString(tables.getParent().resolve("seen.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(seen));

        assertAll(
                () -> assertEquals(List.of("users"), upstreamDatasets("users_hashed")),
                () -> assertEquals(List.of("orders", "users"), upstreamDatasets("orders_enriched")),
                () -> assertEquals(List.of("users"), upstreamDatasets("country_counts")),
                () -> assertEquals(List.of("users.email DIRECT/TRANSFORMATION masking=true"),
                        fieldEdges("users_hashed", "email_hash")),
                // openlineage-spark 1.37.0 reports the join condition as INDIRECT JOIN and FILTER edges
                // from both keys into every output column.
                () -> assertEquals(List.of("orders.user_id INDIRECT/FILTER masking=false",
                        "orders.user_id INDIRECT/JOIN masking=false", "users.email DIRECT/IDENTITY masking=false",
                        "users.id INDIRECT/FILTER masking=false", "users.id INDIRECT/JOIN masking=false"),
                        fieldEdges("orders_enriched", "email")),
                () -> assertEquals(List.of("users.country INDIRECT/GROUP_BY masking=false",
                        "users.email DIRECT/AGGREGATION masking=true"), fieldEdges("country_counts", "email_count")),
                () -> assertEquals(List.of("users.country DIRECT/IDENTITY masking=false",
                        "users.country INDIRECT/GROUP_BY masking=false"), fieldEdges("country_counts", "country")),
                () -> assertEquals("RAW", state("users", "email")),
                () -> assertEquals("PSEUDONYMISED", state("users_hashed", "email_hash")),
                () -> assertEquals("RAW", state("orders_enriched", "email")),
                () -> assertEquals("AGGREGATED", state("country_counts", "email_count")),
                // The join and group-by keys (id, user_id, country) are not personal, so no INDIRECT state.
                () -> assertEquals("CLEAR", state("orders_enriched", "user_id")),
                () -> assertEquals("CLEAR", state("country_counts", "country")));
    }

    /** The datasets one job upstream of {@code name}, by table name, sorted. */
    private static List<String> upstreamDatasets(String name) throws IOException {
        JsonNode graph = datasetLineage(name);
        Map<String, JsonNode> nodes = new TreeMap<>();
        graph.path("nodes").forEach(node -> nodes.put(node.path("id").asText(), node));
        Set<String> jobs = new TreeSet<>();
        graph.path("edges").forEach(edge -> {
            if (edge.path("type").asText().equals("OUTPUTS")
                    && nodes.get(edge.path("to").asText()).path("name").asText().equals(table(name))) {
                jobs.add(edge.path("from").asText());
            }
        });
        Set<String> inputs = new TreeSet<>();
        graph.path("edges").forEach(edge -> {
            if (edge.path("type").asText().equals("INPUT_TO") && jobs.contains(edge.path("to").asText())) {
                inputs.add(Path.of(nodes.get(edge.path("from").asText()).path("name").asText()).getFileName().toString());
            }
        });
        return new ArrayList<>(inputs);
    }

    private static JsonNode datasetLineage(String name) throws IOException {
        return get("/api/v1/lineage?type=dataset&namespace=file&name=" + enc(table(name)) + "&direction=UPSTREAM&depth=2");
    }

    /** Column lineage edges into one field, as {@code table.field TYPE/SUBTYPE masking=...}, sorted. */
    private static List<String> fieldEdges(String name, String field) throws IOException {
        JsonNode graph = get("/api/v1/lineage?type=field&namespace=file&name=" + enc(table(name)) + "&field="
                + enc(field) + "&direction=UPSTREAM&depth=1");
        Map<String, JsonNode> nodes = new TreeMap<>();
        graph.path("nodes").forEach(node -> nodes.put(node.path("id").asText(), node));
        List<String> edges = new ArrayList<>();
        graph.path("edges").forEach(edge -> {
            JsonNode from = nodes.get(edge.path("from").asText());
            JsonNode to = nodes.get(edge.path("to").asText());
            if (to != null && field.equals(to.path("field").asText()) && from != null && from.hasNonNull("field")) {
                edges.add(Path.of(from.path("name").asText()).getFileName() + "." + from.path("field").asText() + " "
                        + edge.path("type").asText() + "/" + edge.path("subtype").asText()
                        + " masking=" + edge.path("masking").asBoolean());
            }
        });
        edges.sort(null);
        return edges;
    }

    private static String state(String name, String field) throws IOException {
        for (JsonNode view : pii(name).path("fields")) {
            if (view.path("name").asText().equals(field)) {
                return view.path("state").asText();
            }
        }
        throw new AssertionError(name + " has no field " + field + ": " + pii(name));
    }

    private static JsonNode settle(String name, Predicate<JsonNode> ready) throws IOException {
        Instant deadline = Instant.now().plus(SETTLE);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            boolean idle = get("/api/v1/pii/status").path("idle").asBoolean();
            HttpResponse<String> view = api.get("/api/v1/pii/dataset?namespace=file&name=" + enc(table(name)));
            if (view.statusCode() == 200) {
                last = JSON.readTree(view.body());
                if (idle && ready.test(last)) {
                    return last;
                }
            }
            sleep();
        }
        throw new AssertionError(name + " not settled within " + SETTLE + ": " + last + "\n" + server.log());
    }

    private static JsonNode pii(String name) throws IOException {
        return get("/api/v1/pii/dataset?namespace=file&name=" + enc(table(name)));
    }

    private static JsonNode get(String path) throws IOException {
        HttpResponse<String> response = api.get(path);
        assertEquals(200, response.statusCode(), path + " -> " + response.body());
        return JSON.readTree(response.body());
    }

    /** openlineage-spark names a file table by namespace {@code file} and its absolute path. */
    private static String table(String name) {
        return tables.resolve(name).toString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
