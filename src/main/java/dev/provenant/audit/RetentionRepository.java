package dev.provenant.audit;

import dev.provenant.neo4j.CypherCatalog;
import dev.provenant.neo4j.Neo4jSessions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Map;
import org.neo4j.driver.Session;

/** Retention's deletes, each a bounded batch in its own transaction. */
@ApplicationScoped
class RetentionRepository {

    private final Neo4jSessions sessions;
    private final String prunePayloads;
    private final String deleteRuns;

    RetentionRepository(Neo4jSessions sessions, CypherCatalog cypher) {
        this.sessions = sessions;
        this.prunePayloads = cypher.get("audit/prune_event_payloads");
        this.deleteRuns = cypher.get("audit/delete_old_runs");
    }

    long prunePayloads(OffsetDateTime cutoff, OffsetDateTime now, int limit) {
        try (Session session = sessions.writeSession()) {
            return session.executeWrite(tx -> tx.run(prunePayloads,
                    Map.of("cutoff", cutoff, "prunedAt", now, "limit", limit)).single().get("pruned").asLong());
        }
    }

    long deleteRuns(OffsetDateTime cutoff, int limit) {
        try (Session session = sessions.writeSession()) {
            return session.executeWrite(tx -> tx.run(deleteRuns, Map.of("cutoff", cutoff, "limit", limit)).single()
                    .get("deleted").asLong());
        }
    }
}
