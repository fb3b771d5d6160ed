package dev.provenant.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.Api;
import dev.provenant.support.Conformance;
import dev.provenant.support.FreePorts;
import dev.provenant.support.ProvenantProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * External mode: a second, separately started Neo4j (with authentication on) plays the external
 * server; the production build is pointed at its Bolt URI and must not start a database of its own.
 */
class ExternalNeo4jIT {

    private static final String PASSWORD = "external-secret";

    @TempDir
    Path externalHome;

    @TempDir
    Path dataDir;

    @Test
    void serverWritesIntoTheExternalDatabaseAndStartsNoneOfItsOwn() throws Exception {
        int boltPort = FreePorts.next();
        try (EmbeddedNeo4j external = EmbeddedNeo4j.start(externalHome,
                new EmbeddedNeo4j.Settings("127.0.0.1", boltPort, "neo4j", PASSWORD, 64L * 1024 * 1024));
                ProvenantProcess server = ProvenantProcess.start(dataDir, Map.of(
                        "provenant.neo4j.uri", "bolt://127.0.0.1:" + boltPort,
                        "provenant.neo4j.username", "neo4j",
                        "provenant.neo4j.password", PASSWORD,
                        "provenant.auth.admin-token", "external-admin"))) {
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

    @Test
    void wrongPasswordKeepsTheServerFromStarting() {
        int boltPort = FreePorts.next();
        try (EmbeddedNeo4j external = EmbeddedNeo4j.start(externalHome,
                new EmbeddedNeo4j.Settings("127.0.0.1", boltPort, "neo4j", PASSWORD, 64L * 1024 * 1024))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProvenantProcess.start(dataDir, Map.of(
                            "provenant.neo4j.uri", "bolt://127.0.0.1:" + boltPort,
                            "provenant.neo4j.password", "not-the-password")).close())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("server exited with 1 before it was ready")
                    .hasMessageContaining("The client is unauthorized due to authentication failure");
        }
    }
}
