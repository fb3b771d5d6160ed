package dev.provenant.neo4j;

import dev.provenant.config.ProvenantConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Brings the database up before anything else runs: starts embedded Neo4j unless
 * {@code provenant.neo4j.uri} points at an external one, waits for Bolt, applies the schema and only
 * then reports ready. On shutdown the embedded database stops after the writers have drained.
 */
@ApplicationScoped
public class Neo4jBootstrap {

    /** Startup observers with a larger priority run later; everything that needs the graph waits for us. */
    public static final int STARTUP_PRIORITY = 10;
    /** Shutdown observers with a larger priority run later: the database goes last. */
    public static final int SHUTDOWN_PRIORITY = 10_000;

    private static final Logger LOG = Logger.getLogger(Neo4jBootstrap.class);

    private final ProvenantConfig config;
    private final Driver driver;
    private final CypherCatalog catalog;
    private volatile EmbeddedNeo4j embedded;
    private volatile boolean ready;

    public Neo4jBootstrap(ProvenantConfig config, Driver driver, CypherCatalog catalog) {
        this.config = config;
        this.driver = driver;
        this.catalog = catalog;
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
        if (config.neo4j().embedded()) {
            embedded = EmbeddedNeo4j.start(config.dataDir(), config.neo4j());
        } else {
            LOG.infof("Using external Neo4j at %s", config.neo4j().uri().orElseThrow());
        }
        driver.verifyConnectivity();
        new SchemaMigrations(catalog).apply(driver);
        ready = true;
    }

    void onStop(@Observes @Priority(SHUTDOWN_PRIORITY) ShutdownEvent event) {
        ready = false;
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    /** The embedded database, for in-process transactions ({@link BulkTransactions}); empty with an external one. */
    Optional<GraphDatabaseService> inProcess() {
        EmbeddedNeo4j current = embedded;
        return current == null ? Optional.empty() : Optional.of(current.database());
    }

    /** True once the database answers and the schema is in place. */
    public boolean isReady() {
        return ready;
    }
}
