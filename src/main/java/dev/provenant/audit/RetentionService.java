package dev.provenant.audit;

import dev.provenant.config.ProvenantConfig;
import dev.provenant.neo4j.Neo4jBootstrap;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Retention of raw event payloads and run history ({@code provenant.retention.*}, unset: kept forever).
 * Runs every {@code provenant.retention.interval} on a thread of its own, and on demand for admins.
 * A pruned event keeps its hash, prevHash and chainHash, so the chain still verifies. Several
 * instances may prune at once: the statements are idempotent.
 */
@ApplicationScoped
public class RetentionService {

    /** What one prune removed. */
    public record PruneResult(long payloadsPruned, long runsDeleted) {}

    private static final Logger LOG = Logger.getLogger(RetentionService.class);
    private static final int BATCH = 10_000;

    private final RetentionRepository repository;
    private final Optional<Duration> payloadRetention;
    private final Optional<Duration> runRetention;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public RetentionService(RetentionRepository repository, ProvenantConfig config) {
        this.repository = repository;
        this.payloadRetention = config.retention().eventPayloads();
        this.runRetention = config.retention().runs();
        this.interval = config.retention().interval();
    }

    void start(@Observes @Priority(Neo4jBootstrap.STARTUP_PRIORITY + 3) StartupEvent event) {
        if (payloadRetention.isEmpty() && runRetention.isEmpty()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "provenant-retention");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::pruneQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @Priority(Neo4jBootstrap.SHUTDOWN_PRIORITY - 3) ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Prunes now what the configured retention allows. */
    public synchronized PruneResult prune() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long payloads = 0;
        if (payloadRetention.isPresent()) {
            OffsetDateTime cutoff = now.minus(payloadRetention.get());
            long batch;
            do {
                batch = repository.prunePayloads(cutoff, now, BATCH);
                payloads += batch;
            } while (batch == BATCH);
        }
        long runs = 0;
        if (runRetention.isPresent()) {
            OffsetDateTime cutoff = now.minus(runRetention.get());
            long batch;
            do {
                batch = repository.deleteRuns(cutoff, BATCH);
                runs += batch;
            } while (batch == BATCH);
        }
        if (payloads > 0 || runs > 0) {
            LOG.infof("Retention pruned %d event payloads and deleted %d runs", payloads, runs);
        }
        return new PruneResult(payloads, runs);
    }

    private void pruneQuietly() {
        try {
            prune();
        } catch (RuntimeException e) {
            LOG.warnf("Retention prune failed, retrying at the next interval: %s", e.getMessage());
        }
    }
}
