package dev.provenant.audit;

import dev.provenant.config.ProvenantConfig;
import dev.provenant.neo4j.Neo4jBootstrap;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Writes the access log off the request path: requests hand their entry to a bounded queue (never
 * blocking the event loop) and one thread appends whatever has arrived in one transaction. A failed
 * write is retried with the same entries until it succeeds or the server stops; on a graceful shutdown
 * the queue is drained before the database stops. When the queue is full, entries are dropped and
 * counted ({@code provenant_access_log_dropped_total}) and a warning is logged.
 */
@ApplicationScoped
public class AccessLogWriter {

    private static final Logger LOG = Logger.getLogger(AccessLogWriter.class);
    private static final long SHUTDOWN_DRAIN_MILLIS = 20_000;
    private static final long RETRY_MILLIS = 2_000;

    private final AccessLogRepository repository;
    private final int maxPerCommit;
    private final BlockingQueue<AccessLogEntry> queue;
    private final Counter written;
    private final Counter dropped;
    /** Entries recorded but not yet committed: queued or in the batch being written. */
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean running;
    private volatile Thread thread;

    public AccessLogWriter(AccessLogRepository repository, ProvenantConfig config, MeterRegistry registry) {
        this.repository = repository;
        this.maxPerCommit = config.accessLog().maxEntriesPerCommit();
        this.queue = new ArrayBlockingQueue<>(config.accessLog().queueCapacity());
        this.written = registry.counter("provenant.access.log.written");
        this.dropped = registry.counter("provenant.access.log.dropped");
        registry.gauge("provenant.access.log.queue", queue, BlockingQueue::size);
    }

    void start(@Observes @Priority(Neo4jBootstrap.STARTUP_PRIORITY + 2) StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "provenant-access-log");
        thread.setDaemon(true);
        thread.start();
    }

    /** Before the ingest writer and the database stop: requests in flight have been answered by now. */
    void stop(@Observes @Priority(Neo4jBootstrap.SHUTDOWN_PRIORITY - 2) ShutdownEvent event) throws InterruptedException {
        running = false;
        Thread writer = thread;
        if (writer != null) {
            writer.join(SHUTDOWN_DRAIN_MILLIS);
        }
        if (!queue.isEmpty()) {
            LOG.warnf("%d access-log entries could not be written before shutdown", queue.size());
        }
    }

    /** Queues an entry; never blocks. */
    public void record(AccessLogEntry entry) {
        pending.incrementAndGet();
        if (!queue.offer(entry)) {
            pending.decrementAndGet();
            dropped.increment();
            LOG.warnf("Access log queue full: dropped the entry for %s %s (status %d)", entry.method(), entry.path(),
                    entry.status());
        }
    }

    /** Waits (at most the timeout) until nothing recorded is left unwritten, e.g. before reading the log back. */
    public void flush(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (pending.get() > 0) {
            if (System.currentTimeMillis() > deadline) {
                return;
            }
            Thread.sleep(10);
        }
    }


    private void run() {
        List<AccessLogEntry> batch = new ArrayList<>();
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    AccessLogEntry first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, maxPerCommit - 1);
                }
                repository.append(batch);
                written.increment(batch.size());
                pending.addAndGet(-batch.size());
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Writing %d access-log entries failed, retrying: %s", batch.size(), e.getMessage());
                if (!running) {
                    LOG.errorf("Server stopping: %d access-log entries not written", batch.size() + queue.size());
                    return;
                }
                sleepQuietly();
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
