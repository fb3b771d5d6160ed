package dev.provenant.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * Every Cypher file of {@code cypher/} against a real embedded Neo4j: the schema migrations apply (twice,
 * idempotently), every other statement compiles under EXPLAIN, and each one is used by the code.
 */
class CypherFilesIT {

    private static final Path CYPHER = Path.of("cypher");

    @TempDir
    static Path home;

    private static EmbeddedNeo4j neo4j;
    private static Driver driver;

    @BeforeAll
    static void start() {
        // A relative, non-normalised home like the default ./data/neo4j must work too.
        neo4j = EmbeddedNeo4j.start(home.resolve(".").resolve("db"), new EmbeddedNeo4j.Settings("127.0.0.1", FreePorts.next(), "neo4j", null,
                64L * 1024 * 1024));
        driver = GraphDatabase.driver("bolt://127.0.0.1:" + neo4j.boltPort(), AuthTokens.none());
        SchemaMigrations migrations = new SchemaMigrations(new CypherCatalog());
        assertThat(migrations.apply(driver)).isEqualTo(SchemaMigrations.MIGRATIONS.size());
        assertThat(migrations.apply(driver)).as("a second start applies nothing").isZero();
    }

    @AfterAll
    static void stop() {
        driver.close();
        neo4j.close();
    }

    @Test
    void migrationListMatchesTheSchemaDirectory() throws IOException {
        try (Stream<Path> files = Files.list(CYPHER.resolve("schema"))) {
            List<String> names = files.map(p -> p.getFileName().toString().replace(".cypher", "")).sorted().toList();
            assertThat(SchemaMigrations.MIGRATIONS).isSortedAccordingTo(String::compareTo).isEqualTo(names);
        }
    }

    @Test
    void schemaHoldsAConstraintOnEveryNodeKeyAndTheFullTextIndex() {
        try (Session session = driver.session()) {
            List<String> constraints = session.run("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name").list(
                    r -> r.get("name").asString());
            assertThat(constraints).contains("dataset_key", "dataset_alias_key", "field_key", "job_key", "run_key",
                    "dataset_version_key", "event_hash", "event_seq", "event_chain_id", "migration_version");
            List<String> fullText = session.run("SHOW FULLTEXT INDEXES YIELD name, state RETURN name + ':' + state AS i")
                    .list(r -> r.get("i").asString());
            assertThat(fullText).containsExactly("entity_names:ONLINE");
        }
    }

    @Test
    void everyStatementCompiles() throws IOException {
        List<Path> statements = statements();
        assertThat(statements).isNotEmpty();
        try (Session session = driver.session()) {
            for (Path file : statements) {
                String cypher = Files.readString(file);
                session.run("EXPLAIN " + cypher).consume();
            }
        }
    }

    @Test
    void everyStatementIsUsedByTheCode() throws IOException {
        String sources;
        try (Stream<Path> java = Files.walk(Path.of("src", "main", "java"))) {
            sources = java.filter(p -> p.toString().endsWith(".java")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).reduce("", String::concat);
        }
        for (Path file : statements()) {
            String name = CYPHER.relativize(file).toString().replace('\\', '/').replace(".cypher", "");
            assertThat(sources).as("%s is loaded somewhere", name).contains("\"" + name + "\"");
        }
    }

    @Test
    void missingStatementFailsFast() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CypherCatalog().get("ingest/no_such_statement"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cypher/ingest/no_such_statement.cypher is missing");
    }

    private static List<Path> statements() throws IOException {
        try (Stream<Path> files = Files.walk(CYPHER)) {
            return files.filter(p -> p.toString().endsWith(".cypher"))
                    .filter(p -> !p.startsWith(CYPHER.resolve("schema")))
                    .sorted()
                    .toList();
        }
    }
}
