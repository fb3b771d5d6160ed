package dev.provenant.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.FreePorts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * Migration V014 on a database that already holds datasets, fields and jobs without {@code searchText}: it
 * backfills the property and rebuilds {@code entity_names} over it, so parts of existing names are found.
 */
class SearchTextMigrationIT {

    @TempDir
    static Path home;

    private static EmbeddedNeo4j neo4j;
    private static Driver driver;

    @BeforeAll
    static void start() {
        neo4j = EmbeddedNeo4j.start(home.resolve("db"), new EmbeddedNeo4j.Settings("127.0.0.1", FreePorts.next(),
                "neo4j", null, 64L * 1024 * 1024));
        driver = GraphDatabase.driver("bolt://127.0.0.1:" + neo4j.boltPort(), AuthTokens.none());
        try (Session session = driver.session()) {
            session.run("""
                    CREATE (:Dataset {namespace: 'postgres://db', name: 'public.orders_raw'}),
                           (:Dataset:Model {namespace: 'file:/tmp', name: 'default.tbl1'}),
                           (:Field {namespace: 'postgres://db', dataset: 'public.orders_raw', path: 'address.zip_code', name: 'zip_code'}),
                           (:Job {namespace: 'airflow', name: 'etl_dag.load-orders'})""").consume();
        }
        new SchemaMigrations(new CypherCatalog()).apply(driver);
    }

    @AfterAll
    static void stop() {
        driver.close();
        neo4j.close();
    }

    @Test
    void existingNodesGetTheirSearchText() {
        try (Session session = driver.session()) {
            List<String> texts = session.run("MATCH (n) WHERE n.searchText IS NOT NULL RETURN n.searchText AS t ORDER BY t")
                    .list(r -> r.get("t").asString());
            assertThat(texts).containsExactly("address zip code", "default tbl1", "etl dag load orders",
                    "public orders raw");
        }
    }

    @Test
    void partsOfExistingNamesAreFound() {
        assertThat(find("orders")).containsExactlyInAnyOrder("etl_dag.load-orders", "public.orders_raw");
        assertThat(find("tbl1")).containsExactly("default.tbl1");
        assertThat(find("zip")).containsExactly("address.zip_code");
        assertThat(find("ord*")).containsExactlyInAnyOrder("etl_dag.load-orders", "public.orders_raw");
    }

    @Test
    void theIndexUsesAnAnalyzerThatKeepsDigitsAndStopWords() {
        try (Session session = driver.session()) {
            Map<String, Object> index = session.run("SHOW FULLTEXT INDEXES YIELD name, properties, options "
                    + "WHERE name = 'entity_names' RETURN properties, options").single().asMap();
            assertThat(index.get("properties")).isEqualTo(List.of("searchText"));
            assertThat(((Map<?, ?>) ((Map<?, ?>) index.get("options")).get("indexConfig")).get("fulltext.analyzer"))
                    .isEqualTo("standard-no-stop-words");
        }
    }

    private static List<String> find(String query) {
        try (Session session = driver.session()) {
            return session.run("CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node "
                    + "RETURN coalesce(node.path, node.name) AS name", Map.of("q", query)).list(r -> r.get("name").asString());
        }
    }
}
