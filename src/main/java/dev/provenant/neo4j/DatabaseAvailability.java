package dev.provenant.neo4j;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;

/**
 * Whether Neo4j is reachable. When a write finds it gone, requests are answered 503 at once instead of
 * each waiting out the driver's retries, readiness reports down, and a probe checks every two seconds
 * until the database answers again; then everything resumes without a restart.
 */
@ApplicationScoped
public class DatabaseAvailability {

    private static final Logger LOG = Logger.getLogger(DatabaseAvailability.class);
    private static final long PROBE_SECONDS = 2;

    private final Driver driver;
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "provenant-db-probe");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean available = true;
    private ScheduledFuture<?> probing;

    public DatabaseAvailability(Driver driver) {
        this.driver = driver;
    }

    public boolean isAvailable() {
        return available;
    }

    /** Called when a database call failed because the database is unreachable. */
    public synchronized void markUnavailable(Throwable cause) {
        if (!available) {
            return;
        }
        available = false;
        LOG.warnf("Neo4j is unavailable (%s); answering 503 until it is back", cause.getMessage());
        probing = probe.scheduleWithFixedDelay(this::check, PROBE_SECONDS, PROBE_SECONDS, TimeUnit.SECONDS);
    }

    private void check() {
        try {
            driver.verifyConnectivity();
        } catch (RuntimeException stillDown) {
            return;
        }
        synchronized (this) {
            available = true;
            probing.cancel(false);
            LOG.info("Neo4j is available again");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        probe.shutdownNow();
    }
}
