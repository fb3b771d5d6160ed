package dev.provenant.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.Api;
import dev.provenant.support.Conformance;
import dev.provenant.support.ProvenantProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.testcontainers.containers.Neo4jContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** External mode against the official neo4j:5.26 image; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class Neo4jContainerIT {

    @Container
    static final Neo4jContainer<?> NEO4J = new Neo4jContainer<>("neo4j:5.26").withAdminPassword("container-secret");

    @TempDir
    Path dataDir;

    @Test
    void serverRunsAgainstTheNeo4jImage() throws Exception {
        try (ProvenantProcess server = ProvenantProcess.start(dataDir, Map.of(
                "provenant.neo4j.uri", NEO4J.getBoltUrl(),
                "provenant.neo4j.password", "container-secret",
                "provenant.auth.admin-token", "container-admin"))) {
            Api api = new Api(server.baseUrl(), "container-admin");
            assertThat(api.post("/api/v1/lineage", Conformance.bytes(
                    Conformance.openLineage("spark/compat-cll-08-ctas-complete.json"))).statusCode()).isEqualTo(201);
            try (Driver driver = GraphDatabase.driver(NEO4J.getBoltUrl(), AuthTokens.basic("neo4j", "container-secret"))) {
                long events = driver.executableQuery("MATCH (e:Event) RETURN count(e) AS n").execute()
                        .records().get(0).get("n").asLong();
                assertThat(events).isEqualTo(1);
            }
            server.terminate(Duration.ofSeconds(60));
        }
    }
}
