package dev.provenant.ingest;

import dev.provenant.config.ProvenantConfig;
import dev.provenant.neo4j.DatabaseAvailability;
import dev.provenant.neo4j.DatabaseFailures;
import dev.provenant.neo4j.Neo4jBootstrap;
import dev.provenant.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Group commit: requests hand their parsed events to one writer thread, which takes everything that
 * has arrived together and writes it in a single Neo4j transaction, then answers each request after
 * the commit. Under load this turns many small transactions into few large ones. The queue is bounded
 * by event count and by bytes; when it is full the caller gets 503 with Retry-After at once.
 */
@ApplicationScoped
public class GroupCommitWriter {

    private static final Logger LOG = Logger.getLogger(GroupCommitWriter.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    private static final long SHUTDOWN_DRAIN_MILLIS = 30_000;

    private record Pending(List<QueuedEvent> events, long weight, CompletableFuture<List<IngestOutcome>> result) {}

    private final IngestRepository repository;
    private final DatabaseAvailability database;
    private final Event<IngestCommitted> committed;
    private final int maxEventsPerCommit;
    private final int capacity;
    private final long maxQueuedBytes;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Semaphore eventPermits;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Counter created;
    private final Counter duplicates;
    private final Counter overloaded;
    private final Timer commitTimer;
    private final DistributionSummary commitSize;
    private volatile boolean accepting;
    private volatile boolean running;
    private Thread thread;

    public GroupCommitWriter(IngestRepository repository, DatabaseAvailability database, ProvenantConfig config,
            MeterRegistry registry, Event<IngestCommitted> committed) {
        this.repository = repository;
        this.database = database;
        this.committed = committed;
        this.maxEventsPerCommit = config.ingest().maxEventsPerCommit();
        this.capacity = config.ingest().queueCapacity();
        this.maxQueuedBytes = config.ingest().queueMaxBytes().asLongValue();
        this.eventPermits = new Semaphore(capacity);
        this.created = registry.counter("provenant.ingest.events", "outcome", "created");
        this.duplicates = registry.counter("provenant.ingest.events", "outcome", "duplicate");
        this.overloaded = registry.counter("provenant.ingest.rejected", "reason", "queue_full");
        this.commitTimer = Timer.builder("provenant.ingest.commit").description("Time of one group commit")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.commitSize = DistributionSummary.builder("provenant.ingest.commit.events")
                .description("Events written per group commit").register(registry);
        registry.gauge("provenant.ingest.queue.events", eventPermits, p -> capacity - p.availablePermits());
    }

    void start(@Observes @Priority(Neo4jBootstrap.STARTUP_PRIORITY + 1) StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "provenant-group-commit");
        thread.start();
        accepting = true;
    }

    /**
     * SIGTERM arrived: refuse new events from now on (503 shutting_down), while the writer goes on
     * committing what is queued. Otherwise a steady stream of new requests keeps the HTTP layer from
     * ever seeing zero requests in flight, and the requests in flight when its timeout ends are dropped
     * unanswered.
     */
    void stopAdmitting(@Observes ShutdownDelayInitiatedEvent event) {
        accepting = false;
    }

    /** Stops taking events, writes what is queued, then lets the database shut down. */
    void stop(@Observes @Priority(Neo4jBootstrap.SHUTDOWN_PRIORITY - 1) ShutdownEvent event) throws InterruptedException {
        accepting = false;
        running = false;
        if (thread != null) {
            thread.join(SHUTDOWN_DRAIN_MILLIS);
        }
        // Whatever slipped in after the writer stopped, or was left when draining ran out of time.
        Pending left;
        while ((left = queue.poll()) != null) {
            complete(left, null, ApiException.unavailable("shutting_down", "the server is stopping; retry shortly",
                    RETRY_AFTER));
        }
    }

    /**
     * Queues events for the next commit. The future completes once they are durable.
     *
     * @throws ApiException 503 when the queue is full or the server is stopping
     */
    public CompletableFuture<List<IngestOutcome>> submit(List<ParsedEvent> events) {
        if (!accepting) {
            throw ApiException.unavailable("shutting_down", "the server is starting or stopping; retry shortly",
                    RETRY_AFTER);
        }
        int count = events.size();
        long weight = events.stream().mapToLong(ParsedEvent::weight).sum();
        if (!eventPermits.tryAcquire(Math.min(count, capacity))) {
            throw queueFull();
        }
        if (queuedBytes.addAndGet(weight) > maxQueuedBytes && queuedBytes.get() != weight) {
            queuedBytes.addAndGet(-weight);
            eventPermits.release(Math.min(count, capacity));
            throw queueFull();
        }
        OffsetDateTime receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        List<QueuedEvent> queued = new ArrayList<>(count);
        for (ParsedEvent event : events) {
            queued.add(QueuedEvent.of(event, receivedAt));
        }
        Pending pending = new Pending(queued, weight, new CompletableFuture<>());
        queue.add(pending);
        return pending.result();
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Pending> group = new ArrayList<>();
                group.add(first);
                int events = first.events().size();
                Pending next;
                while (events < maxEventsPerCommit && (next = queue.peek()) != null
                        && events + next.events().size() <= maxEventsPerCommit) {
                    group.add(queue.poll());
                    events += next.events().size();
                }
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Group-commit writer failed unexpectedly", e);
            }
        }
    }

    private void commit(List<Pending> group) {
        if (!database.isAvailable()) {
            group.forEach(p -> complete(p, null, unavailable()));
            return;
        }
        List<QueuedEvent> all = new ArrayList<>();
        group.forEach(p -> all.addAll(p.events()));
        try {
            IngestRepository.Written written = commitTimer.record(() -> repository.write(all));
            List<IngestOutcome> outcomes = written.outcomes();
            commitSize.record(all.size());
            if (outcomes.stream().anyMatch(IngestOutcome::created)) {
                // Before answering, so a client that got 201 finds the follow-up work already queued.
                committed.fire(written.changes());
            }
            int offset = 0;
            for (Pending pending : group) {
                List<IngestOutcome> own = outcomes.subList(offset, offset + pending.events().size());
                offset += pending.events().size();
                own.forEach(o -> (o.created() ? created : duplicates).increment());
                complete(pending, List.copyOf(own), null);
            }
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                database.markUnavailable(e);
                group.forEach(p -> complete(p, null, e));
            } else if (group.size() > 1) {
                // One request's events must not fail the others: retry each request on its own.
                LOG.warnf("Group commit of %d requests failed (%s); writing them one by one", group.size(), e.getMessage());
                group.forEach(p -> commit(List.of(p)));
            } else {
                LOG.errorf(e, "Writing %d events failed", all.size());
                complete(group.get(0), null, e);
            }
        }
    }

    private ApiException queueFull() {
        overloaded.increment();
        return ApiException.unavailable("overloaded", "the write queue is full; retry after the delay", RETRY_AFTER);
    }

    private static ApiException unavailable() {
        return ApiException.unavailable("database_unavailable", "Neo4j is unavailable; retry after the delay",
                Duration.ofSeconds(5));
    }

    private void complete(Pending pending, List<IngestOutcome> outcomes, Throwable failure) {
        queuedBytes.addAndGet(-pending.weight());
        eventPermits.release(Math.min(pending.events().size(), capacity));
        if (failure != null) {
            pending.result().completeExceptionally(failure);
        } else {
            pending.result().complete(outcomes);
        }
    }
}
