package dev.provenant.pii;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.config.ProvenantConfig;
import dev.provenant.ingest.IngestCommitted;
import dev.provenant.neo4j.Neo4jBootstrap;
import dev.provenant.pii.PiiRefs.DatasetRef;
import dev.provenant.pii.PiiRefs.FieldRef;
import dev.provenant.pii.PiiRefs.Hop;
import dev.provenant.pii.PiiRefs.JobRef;
import dev.provenant.pii.PiiRefs.Read;
import dev.provenant.pii.PiiRefs.Trail;
import dev.provenant.pii.PiiRefs.Verdict;
import dev.provenant.pii.PiiRepository.Region;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Keeps the stored PII verdicts up to date. All updates run on one thread, one after another, so two
 * updates never write over each other: ingest hands over the datasets and jobs of each group commit and
 * goes on at once (propagation is asynchronous to ingest); stewards' changes and full recomputes queue
 * on the same thread and wait for it. Work that piles up while an update runs is merged into one.
 *
 * <p>An update starts from the datasets the events changed (datasets with new fields, changed tags or
 * changed lineage into them, and what a job writes now when it started or stopped reading personal
 * data; never what a job wrote earlier: see {@link IngestCommitted}) and walks downstream wave by wave, only as far
 * as verdicts change ({@link Relaxation}); an event that repeats known lineage changes nothing. Where
 * the walk gives up, the update recomputes the whole region downstream of those datasets: what lies
 * upstream did not change, so the datasets just upstream enter with their stored verdicts and trails
 * (see {@link PropagationGraph}), which gives the verdicts and evidence a full recompute would. Either
 * way only verdicts that differ from what is stored are written.
 */
@ApplicationScoped
public class PiiPropagator {

    private static final Logger LOG = Logger.getLogger(PiiPropagator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What is known about propagation right now; {@code idle} means every change so far is reflected.
     * {@code lastUpdateMillis}: how long the last update ran; {@code lastUpdateLagMillis}: from the moment its
     * oldest piece of work was handed over (an ingest commit, a steward's change) until its verdicts were stored.
     * {@code lastUpdateMode}: {@value #MODE_WAVES}, {@value #MODE_REGION}, {@value #MODE_FULL}, or
     * {@value #MODE_NONE} when the last update had nothing to do.
     */
    public record Status(boolean idle, int pending, long updates, OffsetDateTime lastUpdateAt, long lastUpdateMillis,
            long lastUpdateLagMillis, String lastUpdateMode, int lastRegionDatasets, int lastWrittenFields,
            String lastError) {}

    /** The update walked wave by wave as far as verdicts changed ({@link Relaxation}). */
    static final String MODE_WAVES = "WAVES";
    /** The update recomputed everything downstream of what changed. */
    static final String MODE_REGION = "REGION";
    /** Everything was recomputed. */
    static final String MODE_FULL = "FULL";
    /**
     * The update had nothing to do: the events repeated known lineage, or changed only what no verdict
     * depends on (a job started or stopped reading a dataset without personal data).
     */
    static final String MODE_NONE = "NONE";

    /**
     * Queued work: changed datasets, jobs whose propagation changed as a whole (a barrier), jobs that started
     * or stopped reading a dataset, or everything.
     */
    private record Work(Set<DatasetRef> datasets, Set<JobRef> jobs, Set<Read> reads, boolean full,
            CompletableFuture<Void> done, long queuedAt) {

        Work(Set<DatasetRef> datasets, Set<JobRef> jobs, Set<Read> reads, boolean full) {
            this(datasets, jobs, reads, full, new CompletableFuture<>(), System.nanoTime());
        }
    }

    private static final long SHUTDOWN_DRAIN_MILLIS = 10_000;
    /** Regions up to this many datasets are always looked up by key, however small the graph. */
    private static final long LARGE_REGION_MIN = 2_000;

    private final PiiRepository repository;
    private final Optional<NameRules> rules;
    private final boolean recomputeOnStart;
    private final LinkedBlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private volatile boolean running;
    private volatile long updates;
    private volatile OffsetDateTime lastUpdateAt;
    private volatile long lastUpdateMillis;
    private volatile long lastUpdateLagMillis;
    private volatile String lastMode = MODE_NONE;
    private volatile int lastRegion;
    private volatile int lastWritten;
    private volatile String lastError;
    private Thread thread;

    public PiiPropagator(PiiRepository repository, ProvenantConfig config) {
        this.repository = repository;
        this.recomputeOnStart = config.pii().recomputeOnStart();
        this.rules = config.pii().nameRulesEnabled() ? Optional.of(NameRules.load(config.pii().nameRulesFile()))
                : Optional.empty();
    }

    void start(@Observes @Priority(Neo4jBootstrap.STARTUP_PRIORITY + 2) StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "provenant-pii");
        thread.setDaemon(true);
        thread.start();
        if (recomputeOnStart) {
            // Updates queued in memory die with the process; rules may have changed since the last run.
            recomputeAll();
        }
    }

    /** Finishes what is queued (for a bounded time) while the database is still up. */
    void stop(@Observes @Priority(Neo4jBootstrap.SHUTDOWN_PRIORITY - 2) ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(SHUTDOWN_DRAIN_MILLIS);
        }
    }

    /** Called on the group-commit thread: only queues, never touches the database. */
    void onIngest(@Observes IngestCommitted committed) {
        Set<DatasetRef> datasets = new LinkedHashSet<>();
        committed.datasets().forEach(d -> datasets.add(new DatasetRef(d.namespace(), d.name())));
        Set<Read> reads = new LinkedHashSet<>();
        committed.reads().forEach(r -> reads.add(new Read(new DatasetRef(r.input().namespace(), r.input().name()),
                new JobRef(r.jobNamespace(), r.jobName()))));
        submit(new Work(datasets, Set.of(), reads, false));
    }

    /**
     * Recomputes what the given datasets and jobs can affect (for a job: what it writes now); completes when
     * the verdicts are stored.
     */
    CompletableFuture<Void> update(Collection<DatasetRef> datasets, Collection<JobRef> jobs) {
        return submit(new Work(new LinkedHashSet<>(datasets), new LinkedHashSet<>(jobs), Set.of(), false));
    }

    CompletableFuture<Void> recomputeAll() {
        return submit(new Work(Set.of(), Set.of(), Set.of(), true));
    }

    Optional<NameRules> nameRules() {
        return rules;
    }

    public Status status() {
        int pending = outstanding.get();
        return new Status(pending == 0, pending, updates, lastUpdateAt, lastUpdateMillis, lastUpdateLagMillis, lastMode,
                lastRegion, lastWritten, lastError);
    }

    private CompletableFuture<Void> submit(Work work) {
        outstanding.incrementAndGet();
        queue.add(work);
        return work.done();
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            Work first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            List<Work> batch = new ArrayList<>();
            batch.add(first);
            queue.drainTo(batch);
            long started = System.nanoTime();
            try {
                propagate(batch);
                lastError = null;
                batch.forEach(w -> w.done().complete(null));
            } catch (RuntimeException e) {
                LOG.error("PII propagation failed; POST /api/v1/pii/recompute repairs the verdicts", e);
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                batch.forEach(w -> w.done().completeExceptionally(e));
            } finally {
                updates++;
                long now = System.nanoTime();
                lastUpdateMillis = Duration.ofNanos(now - started).toMillis();
                lastUpdateLagMillis = Duration.ofNanos(now - batch.stream().mapToLong(Work::queuedAt).min()
                        .orElse(now)).toMillis();
                lastUpdateAt = OffsetDateTime.now(ZoneOffset.UTC);
                outstanding.addAndGet(-batch.size());
            }
        }
    }

    private void propagate(List<Work> batch) {
        if (batch.stream().anyMatch(Work::full)) {
            recompute();
            return;
        }
        Set<DatasetRef> named = new LinkedHashSet<>();
        Set<JobRef> jobs = new LinkedHashSet<>();
        Set<Read> reads = new LinkedHashSet<>();
        batch.forEach(w -> {
            named.addAll(w.datasets());
            jobs.addAll(w.jobs());
            reads.addAll(w.reads());
        });
        if (named.isEmpty() && jobs.isEmpty() && reads.isEmpty()) {
            nothingToDo();
            return;
        }
        PiiRepository.Start start = repository.start(List.copyOf(named), List.copyOf(jobs), List.copyOf(reads));
        Set<DatasetRef> roots = new LinkedHashSet<>(start.roots());
        if (roots.isEmpty()) {
            nothingToDo();
            return;
        }
        Optional<Relaxation.Result> relaxed = new Relaxation(new Relaxation.Lineage() {
            @Override
            public Region region(List<DatasetRef> datasets) {
                return repository.regionWithBoundary(datasets);
            }

            @Override
            public List<DatasetRef> fedBy(List<FieldRef> fields) {
                return repository.fedBy(fields);
            }
        }, start.barriers(), rules).run(roots);
        if (relaxed.isPresent()) {
            Relaxation.Result result = relaxed.get();
            repository.writeVerdicts(result.fields(), result.datasets());
            lastMode = MODE_WAVES;
            lastRegion = result.datasetsRead();
            lastWritten = result.fields().size();
            return;
        }
        // The walk gave up: recompute everything downstream of the roots.
        // Looking a region up by key costs about five times a scan per dataset (benchmarks.md, pii suite):
        // past a fifth of the graph, recompute everything instead.
        long limit = Math.max(LARGE_REGION_MIN, repository.countDatasets() / 5);
        Map<DatasetRef, Integer> reach = levels(roots, true, PiiRefs.Edges.CURRENT, limit);
        if (reach == null) {
            recompute();
            return;
        }
        List<DatasetRef> targets = List.copyOf(reach.keySet());
        Region region = repository.regionWithBoundary(targets);
        lastMode = MODE_REGION;
        lastRegion = region.datasets().size() + region.boundaryDatasets().size();
        lastWritten = write(region, Set.copyOf(targets), start.barriers());
    }

    private void nothingToDo() {
        lastMode = MODE_NONE;
        lastRegion = 0;
        lastWritten = 0;
    }

    private void recompute() {
        long started = System.nanoTime();
        Region whole = repository.wholeRegion();
        long read = System.nanoTime();
        Set<DatasetRef> all = whole.datasets().stream().map(PiiRepository.DatasetRow::dataset)
                .collect(java.util.stream.Collectors.toSet());
        RegionVerdicts.Changes changes = RegionVerdicts.compute(whole, all, repository.barrierJobs(), rules);
        long computed = System.nanoTime();
        repository.writeVerdicts(changes.fields(), changes.datasets());
        long written = System.nanoTime();
        lastMode = MODE_FULL;
        lastRegion = whole.datasets().size();
        lastWritten = changes.fields().size();
        LOG.infof("Full PII recompute: %,d datasets and %,d fields read in %d ms, propagated in %d ms, "
                + "%,d field and %,d dataset verdicts written in %d ms", whole.datasets().size(), whole.fields().size(),
                Duration.ofNanos(read - started).toMillis(), Duration.ofNanos(computed - read).toMillis(),
                changes.fields().size(), changes.datasets().size(), Duration.ofNanos(written - computed).toMillis());
    }

    /**
     * {@code start} and every dataset reachable from it in one direction over the selected edges; visited
     * sets end cycles.
     */
    List<DatasetRef> closure(Set<DatasetRef> start, boolean downstream, PiiRefs.Edges edges) {
        return List.copyOf(levels(start, downstream, edges).keySet());
    }

    /** Like {@link #closure}, with each dataset's distance in lineage steps (dataset to dataset) from {@code start}. */
    Map<DatasetRef, Integer> levels(Set<DatasetRef> start, boolean downstream, PiiRefs.Edges edges) {
        return levels(start, downstream, edges, Long.MAX_VALUE);
    }

    /** As {@link #levels(Set, boolean, PiiRefs.Edges)}, or null as soon as more than {@code limit} datasets are reached. */
    private Map<DatasetRef, Integer> levels(Set<DatasetRef> start, boolean downstream, PiiRefs.Edges edges,
            long limit) {
        Map<DatasetRef, Integer> seen = new java.util.LinkedHashMap<>();
        start.forEach(d -> seen.put(d, 0));
        List<DatasetRef> frontier = List.copyOf(start);
        for (int level = 1; !frontier.isEmpty(); level++) {
            List<DatasetRef> next = new ArrayList<>();
            for (DatasetRef d : repository.expand(frontier, downstream, edges)) {
                if (seen.putIfAbsent(d, level) == null) {
                    next.add(d);
                }
            }
            if (seen.size() > limit) {
                return null;
            }
            frontier = next;
        }
        return seen;
    }

    /** Propagates over the region and stores the verdicts of {@code targets} that changed; returns fields written. */
    private int write(Region region, Set<DatasetRef> targets, List<JobRef> barriers) {
        RegionVerdicts.Changes changes = RegionVerdicts.compute(region, targets, barriers, rules);
        repository.writeVerdicts(changes.fields(), changes.datasets());
        return changes.fields().size();
    }

    /**
     * A dataset's verdict: its worst field's state (or its own, when dataset-only lineage made it
     * POSSIBLE), the union of the categories, and the evidence of the worst with the shortest path.
     */
    static Verdict rollUp(Verdict a, Verdict b) {
        Set<String> categories = new java.util.TreeSet<>(a.categories());
        categories.addAll(b.categories());
        Verdict lead;
        if (a.state() != b.state()) {
            lead = PiiState.worst(a.state(), b.state()) == a.state() ? a : b;
        } else {
            lead = b.evidence().size() < a.evidence().size() ? b : a;
        }
        return new Verdict(lead.state(), List.copyOf(categories), lead.evidence(), null);
    }

    static String evidenceJson(Verdict verdict) {
        return verdict.state() == PiiState.CLEAR ? null : json(verdict.evidence());
    }

    static String trailJson(List<Trail> trail) {
        return trail == null || trail.isEmpty() ? null : json(trail);
    }

    static List<Trail> trail(String json) {
        return list(json, Trail[].class);
    }

    static List<Hop> evidence(String json) {
        return list(json, Hop[].class);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored JSON array as a list; absent is empty. */
    private static <T> List<T> list(String json, Class<T[]> type) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.of(JSON.readValue(json, type));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
