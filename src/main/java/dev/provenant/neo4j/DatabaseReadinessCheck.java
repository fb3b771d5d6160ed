package dev.provenant.neo4j;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once Neo4j is up and the schema migrations have been applied. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    private final Neo4jBootstrap bootstrap;

    public DatabaseReadinessCheck(Neo4jBootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("provenant-graph").status(bootstrap.isReady()).build();
    }
}
