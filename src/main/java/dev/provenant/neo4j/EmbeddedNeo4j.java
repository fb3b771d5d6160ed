package dev.provenant.neo4j;

import dev.provenant.config.ProvenantConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Neo4j 5 running inside this JVM with its Bolt connector open on localhost. The application itself
 * still talks to it through the driver over Bolt, so embedded and external mode share one code path.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService service;
    private final Path home;
    private final int boltPort;

    private EmbeddedNeo4j(DatabaseManagementService service, Path home, int boltPort) {
        this.service = service;
        this.home = home;
        this.boltPort = boltPort;
    }

    /** Starts the database under {@code <dataDir>/neo4j}; fails fast when the Bolt port is taken. */
    public static EmbeddedNeo4j start(Path dataDir, ProvenantConfig.Neo4j settings) {
        Path home = dataDir.resolve("neo4j").toAbsolutePath();
        requirePortFree(settings.boltAddress(), settings.boltPort());
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the Neo4j directory " + home, e);
        }
        boolean authEnabled = settings.password().filter(p -> !p.isBlank()).isPresent();
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(settings.boltAddress(), settings.boltPort()))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(settings.boltAddress(), settings.boltPort()))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, authEnabled)
                .setConfig(GraphDatabaseSettings.pagecache_memory, settings.pageCache().asLongValue())
                .build();
        EmbeddedNeo4j neo4j = new EmbeddedNeo4j(service, home, settings.boltPort());
        if (authEnabled) {
            neo4j.setPassword(settings.username(), settings.password().orElseThrow());
        }
        LOG.infof("Embedded Neo4j started in %s, Bolt on %s:%d (authentication %s)", home, settings.boltAddress(),
                settings.boltPort(), authEnabled ? "on" : "off, localhost only");
        return neo4j;
    }

    /** Used by tests and tools that need a second, independent database. */
    public GraphDatabaseService database() {
        return service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    public int boltPort() {
        return boltPort;
    }

    public Path home() {
        return home;
    }

    private void setPassword(String user, String password) {
        GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        boolean exists = system.executeTransactionally("SHOW USERS YIELD user WHERE user = $user RETURN user",
                java.util.Map.of("user", user), result -> result.hasNext());
        String statement = exists
                ? "ALTER USER " + quoteName(user) + " SET PASSWORD $password CHANGE NOT REQUIRED"
                : "CREATE USER " + quoteName(user) + " SET PASSWORD $password CHANGE NOT REQUIRED";
        try {
            system.executeTransactionally(statement, java.util.Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the value it already has; that is the state we want.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static String quoteName(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static void requirePortFree(String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new IllegalStateException("Bolt port " + address + ":" + port
                    + " is already in use; set provenant.neo4j.bolt-port to a free port", e);
        }
    }

    @Override
    public void close() {
        LOG.info("Shutting down embedded Neo4j");
        service.shutdown();
    }
}
