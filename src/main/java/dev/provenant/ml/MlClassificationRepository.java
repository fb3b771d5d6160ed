package dev.provenant.ml;

import dev.provenant.neo4j.CypherCatalog;
import dev.provenant.neo4j.Neo4jSessions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/** Re-computes the model/feature labels of the stored graph and remembers which rules they follow. */
@ApplicationScoped
class MlClassificationRepository {

    private final Neo4jSessions sessions;
    private final String reclassify;
    private final String findFingerprint;
    private final String recordFingerprint;

    MlClassificationRepository(Neo4jSessions sessions, CypherCatalog cypher) {
        this.sessions = sessions;
        this.reclassify = cypher.get("ml/reclassify_datasets");
        this.findFingerprint = cypher.get("ml/find_rules_fingerprint");
        this.recordFingerprint = cypher.get("ml/record_rules_fingerprint");
    }

    /** Batched ({@code CALL ... IN TRANSACTIONS}), so it needs an auto-commit transaction. */
    Reclassification reclassify(MlRules rules) {
        try (Session session = sessions.writeSession()) {
            Record r = session.run(reclassify, Map.of("modelPatterns", rules.modelPatterns(),
                    "featurePatterns", rules.featurePatterns())).single();
            session.executeWriteWithoutResult(tx -> tx.run(recordFingerprint, Map.of("fingerprint", rules.fingerprint(),
                    "modelPatterns", rules.modelPatterns(), "featurePatterns", rules.featurePatterns())).consume());
            return new Reclassification(r.get("models").asLong(), r.get("features").asLong(), r.get("changed").asLong());
        }
    }

    Optional<String> storedFingerprint() {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> {
                var result = tx.run(findFingerprint);
                return result.hasNext() ? Optional.of(result.next().get("fingerprint").asString()) : Optional.empty();
            });
        }
    }
}
