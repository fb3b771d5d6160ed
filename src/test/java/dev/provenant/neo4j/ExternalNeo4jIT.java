package dev.provenant.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.support.Api;
import dev.provenant.support.Conformance;
import dev.provenant.support.FreePorts;
import dev.provenant.support.ProvenantProcess;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * External mode: a second, separately started Neo4j (with authentication on) plays the external
 * server; the production build is pointed at its Bolt URI and must not start a database of its own.
 */
class ExternalNeo4jIT {

    private static final String PASSWORD = "external-secret";
    private static final String CSV = "wasbs://public@rakirahman.blob.core.windows.net";
    private static final String WAREHOUSE = "file:/workspaces/spark-sandbox/projects/spark-scala/warehouse";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path externalHome;

    @TempDir
    Path dataDir;

    @Test
    void serverWritesIntoTheExternalDatabaseAndStartsNoneOfItsOwn() throws Exception {
        int boltPort = FreePorts.next();
        try (EmbeddedNeo4j external = external(boltPort); ProvenantProcess server = serverOn(boltPort)) {
            assertThat(server.log()).contains("Using external Neo4j at bolt://127.0.0.1:" + boltPort)
                    .doesNotContain("Embedded Neo4j started");
            assertThat(dataDir.resolve("neo4j")).doesNotExist();

            Api api = new Api(server.baseUrl(), "external-admin");
            assertThat(api.post("/api/v1/lineage", Conformance.bytes(
                    Conformance.openLineage("hive/data-rentgen-hive-ctas.json"))).statusCode()).isEqualTo(201);

            long events = external.database().executeTransactionally("MATCH (e:Event) RETURN count(e) AS n", Map.of(),
                    r -> (Long) r.next().get("n"));
            assertThat(events).isEqualTo(1);
            long feeds = external.database().executeTransactionally(
                    "MATCH (:Field {dataset: 'mydatabase.source_table'})-[f:FEEDS]->(:Field {dataset: 'mydatabase.target_table'})"
                            + " RETURN count(f) AS n", Map.of(), r -> (Long) r.next().get("n"));
            assertThat(feeds).isEqualTo(6);
            long migrations = external.database().executeTransactionally(
                    "MATCH (m:ProvenantMigration) RETURN count(m) AS n", Map.of(), r -> (Long) r.next().get("n"));
            assertThat(migrations).isEqualTo(SchemaMigrations.MIGRATIONS.size());
            server.terminate(Duration.ofSeconds(60));
        }
    }

    /**
     * A full recompute over Bolt (with embedded Neo4j it runs in-process, see BulkTransactions): the real Spark
     * session with a steward's declaration gives the same verdicts and evidence as in PiiSparkIT.
     */
    @Test
    void fullPiiRecomputeReadsAndWritesTheExternalDatabase() throws Exception {
        int boltPort = FreePorts.next();
        try (EmbeddedNeo4j external = external(boltPort); ProvenantProcess server = serverOn(boltPort)) {
            Api api = new Api(server.baseUrl(), "external-admin");
            byte[] session = String.join("\n", Conformance.lines(Conformance.openLineage(
                    "spark/sandbox-spark-1.26-local-session.ndjson"))).getBytes(StandardCharsets.UTF_8);
            assertThat(api.post("/api/v1/lineage/batch", session, "application/x-ndjson").statusCode()).isIn(201, 207);
            assertThat(api.post("/api/v1/pii/declarations", JSON.writeValueAsBytes(Map.of("namespace", CSV, "name",
                    "datasets/sales.csv", "field", "OrderID", "categories", List.of("IDENTIFIER"), "reason",
                    "order number"))).statusCode()).isEqualTo(201);
            assertThat(api.post("/api/v1/pii/recompute", new byte[0]).statusCode()).isEqualTo(200);
            JsonNode status = JSON.readTree(api.get("/api/v1/pii/status").body());
            assertThat(status.path("lastUpdateMode").asText()).isEqualTo("FULL");
            assertThat(status.path("lastError").isNull()).isTrue();

            JsonNode clv = JSON.readTree(api.get("/api/v1/pii/dataset?namespace=" + URLEncoder.encode(WAREHOUSE,
                    StandardCharsets.UTF_8) + "&name=demo_etl.customer_lifetime_value").body());
            JsonNode totalOrders = StreamSupport.stream(clv.path("fields").spliterator(), false)
                    .filter(f -> f.path("name").asText().equals("total_orders")).findFirst().orElseThrow();
            assertThat(totalOrders.path("state").asText()).isEqualTo("AGGREGATED");
            assertThat(StreamSupport.stream(totalOrders.path("evidence").spliterator(), false)
                    .map(h -> h.at("/from/name").asText() + "." + h.at("/from/field").asText() + " > "
                            + h.at("/to/name").asText() + "." + h.at("/to/field").asText() + " " + h.path("type").asText()
                            + "/" + h.path("subtype").asText() + (h.path("masking").asBoolean() ? " masking" : ""))
                    .toList()).containsExactly(
                            "datasets/sales.csv.OrderID > demo_etl.sales.OrderID DIRECT/IDENTITY",
                            "demo_etl.sales.OrderID > demo_etl.sales_enriched.orderID DIRECT/IDENTITY",
                            "demo_etl.sales_enriched.orderID > demo_etl.customer_lifetime_value.total_orders"
                                    + " DIRECT/AGGREGATION masking");
            long stored = external.database().executeTransactionally(
                    "MATCH (f:Field {dataset: 'demo_etl.customer_lifetime_value', path: 'total_orders'})"
                            + " WHERE f.piiState = 'AGGREGATED' RETURN count(f) AS n", Map.of(), r -> (Long) r.next().get("n"));
            assertThat(stored).as("verdict written into the external database").isEqualTo(1);
            server.terminate(Duration.ofSeconds(60));
        }
    }

    /** The second Neo4j that plays the external server, with authentication on. */
    private EmbeddedNeo4j external(int boltPort) {
        return EmbeddedNeo4j.start(externalHome,
                new EmbeddedNeo4j.Settings("127.0.0.1", boltPort, "neo4j", PASSWORD, 64L * 1024 * 1024));
    }

    /** The production build pointed at the external Neo4j. */
    private ProvenantProcess serverOn(int boltPort) {
        return ProvenantProcess.start(dataDir, Map.of(
                "provenant.neo4j.uri", "bolt://127.0.0.1:" + boltPort,
                "provenant.neo4j.username", "neo4j",
                "provenant.neo4j.password", PASSWORD,
                "provenant.auth.admin-token", "external-admin"));
    }

    @Test
    void wrongPasswordKeepsTheServerFromStarting() {
        int boltPort = FreePorts.next();
        try (EmbeddedNeo4j external = external(boltPort)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProvenantProcess.start(dataDir, Map.of(
                            "provenant.neo4j.uri", "bolt://127.0.0.1:" + boltPort,
                            "provenant.neo4j.password", "not-the-password")).close())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("server exited with 1 before it was ready")
                    .hasMessageContaining("The client is unauthorized due to authentication failure");
        }
    }
}
