package dev.provenant.neo4j;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once Neo4j is up and the schema migrations have been applied, and while Neo4j stays reachable. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    private final Neo4jBootstrap bootstrap;
    private final DatabaseAvailability database;

    public DatabaseReadinessCheck(Neo4jBootstrap bootstrap, DatabaseAvailability database) {
        this.bootstrap = bootstrap;
        this.database = database;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("provenant-graph").status(bootstrap.isReady() && database.isAvailable())
                .withData("schema", bootstrap.isReady()).withData("reachable", database.isAvailable()).build();
    }
}
