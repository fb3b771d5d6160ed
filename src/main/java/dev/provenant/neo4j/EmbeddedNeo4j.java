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
    private boolean closed;

    private EmbeddedNeo4j(DatabaseManagementService service, Path home, int boltPort) {
        this.service = service;
        this.home = home;
        this.boltPort = boltPort;
    }

    /** How an embedded database listens and authenticates; a null password switches Bolt auth off. */
    public record Settings(String boltAddress, int boltPort, String username, String password, long pageCacheBytes) {}

    /** Starts the database under {@code <dataDir>/neo4j} as the configuration says. */
    public static EmbeddedNeo4j start(Path dataDir, ProvenantConfig.Neo4j config) {
        return start(dataDir.resolve("neo4j"), new Settings(config.boltAddress(), config.boltPort(), config.username(),
                config.password().filter(p -> !p.isBlank()).orElse(null), config.pageCache().asLongValue()));
    }

    /** Starts a database in {@code home}; fails fast when the Bolt port is taken or would be open to all. */
    public static EmbeddedNeo4j start(Path home, Settings settings) {
        Path dir = home.toAbsolutePath().normalize();
        boolean authEnabled = settings.password() != null;
        if (!authEnabled && !isLoopback(settings.boltAddress())) {
            throw new IllegalStateException("Bolt would listen on " + settings.boltAddress()
                    + " without authentication; set provenant.neo4j.password or keep provenant.neo4j.bolt-address on"
                    + " 127.0.0.1");
        }
        requirePortFree(settings.boltAddress(), settings.boltPort());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the Neo4j directory " + dir, e);
        }
        SocketAddress bolt = new SocketAddress(settings.boltAddress(), settings.boltPort());
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(dir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.advertised_address, bolt)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, authEnabled)
                .setConfig(GraphDatabaseSettings.pagecache_memory, settings.pageCacheBytes())
                .build();
        EmbeddedNeo4j neo4j = new EmbeddedNeo4j(service, dir, settings.boltPort());
        if (authEnabled) {
            neo4j.setPassword(settings.username(), settings.password());
        }
        LOG.infof("Embedded Neo4j started in %s, Bolt on %s:%d (authentication %s)", dir, settings.boltAddress(),
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

    private static boolean isLoopback(String address) {
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
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

    /** Stops the database; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Shutting down embedded Neo4j");
        service.shutdown();
    }
}
