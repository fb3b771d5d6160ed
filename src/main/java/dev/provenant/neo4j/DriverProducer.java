package dev.provenant.neo4j;

import io.quarkus.arc.Unremovable;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;

/**
 * The Neo4j driver every part of Provenant uses, built from the same {@code quarkus.neo4j.*} settings
 * as the extension's, with one difference: its logging. The driver's default (System.Logger) logging
 * formats every outgoing Bolt message for DEBUG, parameters included, before asking whether DEBUG is
 * on (neo4j-java-driver 6.0.2, {@code SystemLogger.debug}); for an ingest statement with thousands of
 * rows that was a large share of the write time (docs/benchmarks.md). Java-util logging at WARNING
 * checks the level first, and warnings still reach the application log.
 */
@Singleton
class DriverProducer {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    @Unremovable
    Driver driver(@ConfigProperty(name = "quarkus.neo4j.uri") String uri,
            @ConfigProperty(name = "quarkus.neo4j.authentication.username") String username,
            @ConfigProperty(name = "quarkus.neo4j.authentication.password") String password,
            @ConfigProperty(name = "quarkus.neo4j.max-transaction-retry-time") Duration retryTime) {
        Config.ConfigBuilder config = Config.builder()
                .withLogging(Logging.javaUtilLogging(java.util.logging.Level.WARNING))
                .withLeakedSessionsLogging()
                .withMaxTransactionRetryTime(retryTime.toMillis(), TimeUnit.MILLISECONDS);
        if (!uri.contains("+s")) {
            // A neo4j+s:// or bolt+ssc:// URI sets encryption itself; the driver refuses it twice.
            config.withoutEncryption();
        }
        return GraphDatabase.driver(uri, AuthTokens.basic(username, password), config.build());
    }

    void close(@Disposes Driver driver) {
        driver.close();
    }
}
