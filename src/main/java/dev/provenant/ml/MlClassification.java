package dev.provenant.ml;

import dev.provenant.neo4j.Neo4jBootstrap;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Keeps the stored {@code :Model}/{@code :Feature} labels in line with the configured rules. Ingest labels
 * new data as it arrives; when the rules change, the graph is re-classified once at start-up (the graph
 * remembers the fingerprint of the rules it follows, so an unchanged restart costs one read), or on
 * demand through {@code POST /api/v1/ml/reclassify}.
 */
@ApplicationScoped
public class MlClassification {

    private static final Logger LOG = Logger.getLogger(MlClassification.class);

    private final MlRules rules;
    private final MlClassificationRepository repository;

    public MlClassification(MlRules rules, MlClassificationRepository repository) {
        this.rules = rules;
        this.repository = repository;
    }

    void onStart(@Observes @Priority(Neo4jBootstrap.STARTUP_PRIORITY + 1) StartupEvent event) {
        if (repository.storedFingerprint().filter(rules.fingerprint()::equals).isPresent()) {
            return;
        }
        Reclassification outcome = repository.reclassify(rules);
        LOG.infof("ML rules changed: re-classified datasets (%d models, %d features, %d changed)", outcome.models(),
                outcome.features(), outcome.changed());
    }

    public Reclassification reclassify() {
        return repository.reclassify(rules);
    }
}
