package dev.provenant.ingest;

import dev.provenant.config.ProvenantConfig;
import dev.provenant.ml.MlRules;
import dev.provenant.neo4j.CypherCatalog;
import dev.provenant.neo4j.EmbeddedNeo4j;
import dev.provenant.neo4j.Neo4jSessions;
import dev.provenant.neo4j.SchemaMigrations;
import dev.provenant.support.FreePorts;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The naive design the ingest benchmark compares group commit with: Provenant's own parser, write
 * Cypher and repository, called directly through the driver with one transaction per event, against
 * a separate fresh embedded Neo4j. No HTTP in between, so this baseline is, if anything, favoured.
 * Lives in {@code dev.provenant.ingest} because the repository is package-private.
 */
public final class NaiveIngestBaseline implements AutoCloseable {

    private final EmbeddedNeo4j neo4j;
    private final Driver driver;
    private final IngestRepository repository;

    private NaiveIngestBaseline(EmbeddedNeo4j neo4j, Driver driver, IngestRepository repository) {
        this.neo4j = neo4j;
        this.driver = driver;
        this.repository = repository;
    }

    /** A fresh database in {@code home} with the production schema, as the server applies it at start-up. */
    public static NaiveIngestBaseline start(Path home, long pageCacheBytes) {
        int port = FreePorts.next();
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home,
                new EmbeddedNeo4j.Settings("127.0.0.1", port, "neo4j", null, pageCacheBytes));
        Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.none(),
                Config.builder().withMaxTransactionRetryTime(30, java.util.concurrent.TimeUnit.SECONDS).build());
        driver.verifyConnectivity();
        CypherCatalog catalog = new CypherCatalog();
        new SchemaMigrations(catalog).apply(driver);
        return new NaiveIngestBaseline(neo4j, driver, new IngestRepository(new Neo4jSessions(driver), catalog,
                new MlRules(List.of(ProvenantConfig.Ml.DEFAULT_MODEL_PATTERNS.split(",")),
                        List.of(ProvenantConfig.Ml.DEFAULT_FEATURE_PATTERNS.split(","))),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    }

    /** Parses, compresses and writes one event in its own transaction, as a request handler would; true when new. */
    public boolean ingest(byte[] json) {
        ParsedEvent event = EventParser.parse(json);
        QueuedEvent queued = QueuedEvent.of(event, OffsetDateTime.now(ZoneOffset.UTC));
        return repository.write(List.of(queued)).outcomes().get(0).created();
    }

    /** The Neo4j kernel version, e.g. {@code 5.26.19}. */
    public String neo4jVersion() {
        try (var session = driver.session()) {
            return session.run("CALL dbms.components() YIELD versions RETURN versions[0] AS version").single()
                    .get("version").asString();
        }
    }

    @Override
    public void close() {
        driver.close();
        neo4j.close();
    }
}
