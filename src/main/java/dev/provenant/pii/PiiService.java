package dev.provenant.pii;

import dev.provenant.pii.PiiRefs.DatasetRef;
import dev.provenant.pii.PiiRefs.Declaration;
import dev.provenant.pii.PiiRefs.Edges;
import dev.provenant.pii.PiiRefs.FieldRef;
import dev.provenant.pii.PiiRefs.Hop;
import dev.provenant.pii.PiiRefs.JobRef;
import dev.provenant.pii.PiiRefs.Verdict;
import dev.provenant.pii.PiiRepository.DatasetRow;
import dev.provenant.pii.PiiViews.BarrierRequest;
import dev.provenant.pii.PiiViews.BarrierView;
import dev.provenant.pii.PiiViews.CategoryCount;
import dev.provenant.pii.PiiViews.CopyView;
import dev.provenant.pii.PiiViews.DatasetCopies;
import dev.provenant.pii.PiiViews.DatasetSummary;
import dev.provenant.pii.PiiViews.DatasetView;
import dev.provenant.pii.PiiViews.DeclarationRequest;
import dev.provenant.pii.PiiViews.DeclarationView;
import dev.provenant.pii.PiiViews.DeclaredSource;
import dev.provenant.pii.PiiViews.ErasureView;
import dev.provenant.pii.PiiViews.ExposedDataset;
import dev.provenant.pii.PiiViews.FieldView;
import dev.provenant.pii.PiiViews.JobDatasetView;
import dev.provenant.pii.PiiViews.JobView;
import dev.provenant.pii.PiiViews.ModelView;
import dev.provenant.pii.PiiViews.OverviewView;
import dev.provenant.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The PII read API, stewards' declarations and barriers, and recompute. */
@ApplicationScoped
public class PiiService {

    /** How long a steward's request waits for its change to be propagated before answering anyway. */
    private static final long PROPAGATION_WAIT_SECONDS = 120;
    private static final Set<String> DECLARED = Set.of(RegionGraphs.STEWARD, RegionGraphs.TAG, RegionGraphs.NAME_RULE);
    private static final String ERASURE_SOURCE = "ERASURE_REQUEST";

    private final PiiRepository repository;
    private final PiiPropagator propagator;
    private final StewardIdentity steward;

    public PiiService(PiiRepository repository, PiiPropagator propagator, StewardIdentity steward) {
        this.repository = repository;
        this.propagator = propagator;
        this.steward = steward;
    }

    public DatasetView dataset(String namespace, String name) {
        return dataset(namespace, name, Edges.CURRENT);
    }

    /**
     * A dataset's verdicts: as stored (current lineage), or over the selected history, computed now over
     * everything upstream of it (see {@link #overHistory}).
     */
    public DatasetView dataset(String namespace, String name, Edges edges) {
        DatasetRef dataset = resolve(namespace, name);
        PiiRepository.DatasetFields verdicts;
        if (edges.current()) {
            verdicts = repository.datasetFields(dataset)
                    .orElseThrow(() -> ApiException.notFound("no dataset " + namespace + " " + name));
        } else {
            Computed computed = overHistory(propagator.closure(Set.of(dataset), false, edges), Set.of(dataset), edges);
            verdicts = new PiiRepository.DatasetFields(computed.datasets().get(0).stored(), computed.fields().stream()
                    .sorted(Comparator.comparing(f -> f.field().field())).toList());
        }
        List<FieldView> fields = verdicts.fields().stream().map(PiiService::fieldView).toList();
        return new DatasetView(dataset.namespace(), dataset.name(), PiiState.fromProperty(verdicts.dataset().state()),
                verdicts.dataset().categories() == null ? List.of() : verdicts.dataset().categories(), fields);
    }

    /** The targets' verdicts in stored form, computed over history: never stored. */
    private record Computed(List<DatasetRow> datasets, List<PiiRepository.FieldRow> fields) {}

    /**
     * Propagates over the selected edges of {@code upstream} (the targets and everything upstream of them
     * over those edges, so no stored verdict enters) with today's declarations, barriers and name rules,
     * and gives the targets' verdicts.
     */
    private Computed overHistory(List<DatasetRef> upstream, Set<DatasetRef> targets, Edges edges) {
        PiiRepository.Region region = repository.region(upstream, edges);
        List<JobRef> barriers = repository.barrierJobs();
        List<DatasetRow> datasets = new ArrayList<>();
        List<PiiRepository.FieldRow> fields = new ArrayList<>();
        RegionVerdicts.each(region, targets, barriers, propagator.nameRules(), new RegionVerdicts.Sink() {
            @Override
            public void field(PiiRepository.FieldRow row, PiiRepository.StoredVerdict verdict) {
                fields.add(new PiiRepository.FieldRow(row.field(), verdict));
            }

            @Override
            public void dataset(DatasetRow row, PiiRepository.StoredVerdict verdict) {
                datasets.add(new DatasetRow(row.dataset(), row.tags(), verdict));
            }
        });
        return new Computed(datasets, fields);
    }

    public ModelView model(String namespace, String name) {
        return model(namespace, name, Edges.CURRENT);
    }

    /** A model's training data verdict, as stored or over the selected history (see {@link #overHistory}). */
    public ModelView model(String namespace, String name, Edges edges) {
        DatasetRef model = resolve(namespace, name);
        Map<DatasetRef, Integer> levels = propagator.levels(Set.of(model), false, edges);
        List<DatasetRef> all = List.copyOf(levels.keySet());
        Comparator<DatasetSummary> worstFirst = Comparator.comparing(DatasetSummary::state)
                .thenComparing(d -> levels.get(new DatasetRef(d.namespace(), d.name())))
                .thenComparing(d -> d.evidence().size())
                .thenComparing(DatasetSummary::namespace).thenComparing(DatasetSummary::name);
        List<DatasetRow> verdicts = edges.current() ? repository.datasetVerdicts(all)
                : overHistory(all, Set.copyOf(all), edges).datasets();
        List<DatasetSummary> summaries = verdicts.stream().map(PiiService::summary).sorted(worstFirst).toList();
        List<DatasetSummary> training = summaries.stream()
                .filter(d -> levels.get(new DatasetRef(d.namespace(), d.name())) <= 1).toList();
        List<DatasetSummary> upstream = summaries.stream()
                .filter(d -> levels.get(new DatasetRef(d.namespace(), d.name())) >= 1)
                .sorted(Comparator.comparing((DatasetSummary d) -> levels.get(new DatasetRef(d.namespace(), d.name())))
                        .thenComparing(worstFirst))
                .toList();
        DatasetSummary worst = training.isEmpty() || training.get(0).state() == PiiState.CLEAR ? null : training.get(0);
        return new ModelView(model.namespace(), model.name(), worst == null ? PiiState.CLEAR : worst.state(),
                categories(training), worst, training.stream().filter(d -> !d.name().equals(model.name())
                        || !d.namespace().equals(model.namespace())).toList(),
                upstream.stream().map(DatasetSummary::state).reduce(PiiState.CLEAR, PiiState::worst),
                categories(upstream), upstream);
    }

    private static List<String> categories(List<DatasetSummary> datasets) {
        Set<String> categories = new TreeSet<>();
        datasets.forEach(d -> categories.addAll(d.categories()));
        return List.copyOf(categories);
    }

    public JobView job(String namespace, String name) {
        JobRef job = new JobRef(required(namespace, "namespace"), required(name, "name"));
        List<PiiRepository.JobLink> links = repository.job(job)
                .orElseThrow(() -> ApiException.notFound("no job " + namespace + " " + name));
        List<JobDatasetView> inputs = new ArrayList<>();
        List<JobDatasetView> outputs = new ArrayList<>();
        for (PiiRepository.JobLink link : links) {
            DatasetView view = dataset(link.dataset().namespace(), link.dataset().name());
            JobDatasetView summary = new JobDatasetView(view.namespace(), view.name(), view.state(), view.categories(),
                    view.fields().stream().filter(f -> f.state() != PiiState.CLEAR).toList());
            (link.reads() ? inputs : outputs).add(summary);
        }
        Comparator<JobDatasetView> order = Comparator.comparing(JobDatasetView::namespace)
                .thenComparing(JobDatasetView::name);
        inputs.sort(order);
        outputs.sort(order);
        BarrierView barrier = barriers().stream().filter(b -> b.namespace().equals(namespace) && b.name().equals(name))
                .findFirst().orElse(null);
        return new JobView(namespace, name, worst(inputs), worst(outputs), barrier, inputs, outputs);
    }

    public ErasureView erasureImpact(String namespace, String name, String field) {
        return erasureImpact(namespace, name, field, Edges.CURRENT);
    }

    /**
     * Every downstream field that holds a RAW or PSEUDONYMISED copy of the dataset's personal fields (or
     * of the one field asked for), with the shortest path to each, over current lineage or the selected
     * history (copies an earlier run wrote are still there until deleted), barriers and overrides
     * respected; plus the datasets that may hold copies because a job reported no column lineage. Only
     * hops that can carry a copy count: INDIRECT hops and masking aggregations do not.
     */
    public ErasureView erasureImpact(String namespace, String name, String field, Edges edges) {
        DatasetRef dataset = resolve(namespace, name);
        List<DatasetRef> targets = propagator.closure(Set.of(dataset), true, edges);
        PiiRepository.Region region = repository.region(targets, edges);
        // The dataset's own verdicts pick the sources: over history, its personal fields then.
        List<PiiRepository.FieldRow> own = (edges.current() ? region.fields()
                : overHistory(propagator.closure(Set.of(dataset), false, edges), Set.of(dataset), edges).fields())
                .stream().filter(f -> f.field().dataset().equals(dataset))
                .sorted(Comparator.comparing(PiiRepository.FieldRow::field, FieldRef.ORDER)).toList();
        List<PiiRepository.FieldRow> sources;
        if (field != null && !field.isBlank()) {
            sources = own.stream().filter(f -> f.field().field().equals(field)).toList();
            if (sources.isEmpty()) {
                throw ApiException.notFound("no field " + field + " in dataset " + namespace + " " + name);
            }
        } else {
            sources = own.stream().filter(f -> "RAW".equals(f.stored().state())).toList();
        }
        List<JobRef> barriers = repository.barrierJobs();
        PropagationGraph graph = RegionGraphs.lineage(region, barriers, true);
        region.fields().stream().filter(f -> f.stored().source() != null
                && f.stored().source().endsWith(RegionGraphs.NOT_PERSONAL_SUFFIX)).forEach(f -> graph.notPersonal(f.field()));
        Set<FieldRef> sourceRefs = new LinkedHashSet<>();
        for (PiiRepository.FieldRow source : sources) {
            sourceRefs.add(source.field());
            List<String> categories = source.stored().categories() == null ? List.of() : source.stored().categories();
            graph.declare(new Declaration(source.field(), categories, ERASURE_SOURCE));
        }
        Map<FieldRef, Verdict> verdicts = graph.propagate();
        Map<DatasetRef, List<CopyView>> copies = new TreeMap<>(Comparator.comparing(DatasetRef::namespace)
                .thenComparing(DatasetRef::name));
        List<DatasetSummary> possible = new ArrayList<>();
        verdicts.entrySet().stream().sorted(Map.Entry.comparingByKey(FieldRef.ORDER)).forEach(e -> {
            FieldRef ref = e.getKey();
            Verdict verdict = e.getValue();
            if (sourceRefs.contains(ref)) {
                return;
            }
            if (ref.field() == null) {
                if (verdict.state() != PiiState.CLEAR) {
                    possible.add(new DatasetSummary(ref.namespace(), ref.name(), verdict.state(), verdict.categories(),
                            verdict.evidence()));
                }
            } else if (verdict.state() == PiiState.RAW || verdict.state() == PiiState.PSEUDONYMISED) {
                copies.computeIfAbsent(ref.dataset(), k -> new ArrayList<>()).add(new CopyView(ref.field(),
                        verdict.state(), verdict.categories(), verdict.evidence()));
            }
        });
        List<DatasetCopies> datasets = copies.entrySet().stream()
                .map(e -> new DatasetCopies(e.getKey().namespace(), e.getKey().name(), e.getValue())).toList();
        return new ErasureView(dataset.namespace(), dataset.name(),
                sourceRefs.stream().map(FieldRef::field).toList(), datasets, possible);
    }

    public OverviewView overview() {
        Map<PiiState, Long> fields = new LinkedHashMap<>();
        Map<PiiState, Long> datasets = new LinkedHashMap<>();
        for (PiiState state : PiiState.values()) {
            fields.put(state, 0L);
            datasets.put(state, 0L);
        }
        for (PiiRepository.CountRow row : repository.countStates()) {
            (row.kind().equals("FIELD") ? fields : datasets).merge(PiiState.fromProperty(row.state()), row.count(),
                    Long::sum);
        }
        List<CategoryCount> categories = repository.countCategories();
        List<DeclaredSource> declared = repository.declaredFields(1000);
        List<ExposedDataset> exposed = repository.exposedDatasets(10);
        return new OverviewView(fields, datasets, categories, declared, exposed);
    }

    public DeclarationView declare(DeclarationRequest request) {
        if (request == null) {
            throw ApiException.badRequest("malformed_json", "a JSON object is required", null);
        }
        String namespace = required(request.namespace(), "namespace");
        String name = required(request.name(), "name");
        String field = required(request.field(), "field");
        String reason = required(request.reason(), "reason");
        boolean personal = request.personal() == null || request.personal();
        List<String> categories = RegionGraphs.normalise(request.categories() == null ? List.of() : request.categories());
        if (personal && categories.isEmpty()) {
            throw ApiException.badRequest("missing_parameter",
                    "categories is required when declaring personal data (e.g. [\"EMAIL\"])", "categories");
        }
        if (!personal) {
            categories = List.of();
        }
        FieldRef ref = new FieldRef(namespace, name, field);
        String who = steward.current();
        var declaredAt = repository.saveDeclaration(ref, personal, categories, reason, who);
        await(propagator.update(List.of(ref.dataset()), List.of()));
        return new DeclarationView(namespace, name, field, personal, categories, reason, who, declaredAt);
    }

    public void undeclare(String namespace, String name, String field) {
        FieldRef ref = new FieldRef(required(namespace, "namespace"), required(name, "name"), required(field, "field"));
        if (!repository.deleteDeclaration(ref)) {
            throw ApiException.notFound("no declaration on " + namespace + " " + name + " " + field);
        }
        await(propagator.update(List.of(ref.dataset()), List.of()));
    }

    public List<DeclarationView> declarations() {
        return repository.declarations().stream().map(d -> new DeclarationView(d.field().namespace(), d.field().name(),
                d.field().field(), d.personal(), d.categories(), d.reason(), d.declaredBy(), d.declaredAt())).toList();
    }

    public BarrierView addBarrier(BarrierRequest request) {
        if (request == null) {
            throw ApiException.badRequest("malformed_json", "a JSON object is required", null);
        }
        JobRef job = new JobRef(required(request.namespace(), "namespace"), required(request.name(), "name"));
        String reason = required(request.reason(), "reason");
        String who = steward.current();
        var declaredAt = repository.saveBarrier(job, reason, who);
        await(propagator.update(List.of(), List.of(job)));
        return new BarrierView(job.namespace(), job.name(), reason, who, declaredAt);
    }

    public void removeBarrier(String namespace, String name) {
        JobRef job = new JobRef(required(namespace, "namespace"), required(name, "name"));
        if (!repository.deleteBarrier(job)) {
            throw ApiException.notFound("no barrier on job " + namespace + " " + name);
        }
        await(propagator.update(List.of(), List.of(job)));
    }

    public List<BarrierView> barriers() {
        return repository.barriers().stream().map(b -> new BarrierView(b.job().namespace(), b.job().name(), b.reason(),
                b.declaredBy(), b.declaredAt())).toList();
    }

    public PiiPropagator.Status recompute() {
        await(propagator.recomputeAll());
        return propagator.status();
    }

    public PiiPropagator.Status status() {
        return propagator.status();
    }

    private DatasetRef resolve(String namespace, String name) {
        required(namespace, "namespace");
        required(name, "name");
        List<DatasetRef> found = repository.resolve(List.of(new DatasetRef(namespace, name)));
        if (found.isEmpty()) {
            throw ApiException.notFound("no dataset " + namespace + " " + name);
        }
        return found.get(0);
    }

    private static FieldView fieldView(PiiRepository.FieldRow row) {
        String source = row.stored().source();
        PiiState state = PiiState.fromProperty(row.stored().state());
        return new FieldView(row.field().field(), state, source != null && DECLARED.contains(source), source,
                state == PiiState.CLEAR ? List.of() : row.stored().categories(),
                PiiPropagator.evidence(row.stored().evidence()));
    }

    private static DatasetSummary summary(DatasetRow row) {
        PiiState state = PiiState.fromProperty(row.stored().state());
        return new DatasetSummary(row.dataset().namespace(), row.dataset().name(), state,
                row.stored().categories() == null ? List.of() : row.stored().categories(),
                PiiPropagator.evidence(row.stored().evidence()));
    }

    private static PiiState worst(List<JobDatasetView> datasets) {
        return datasets.stream().map(JobDatasetView::state).reduce(PiiState.CLEAR, PiiState::worst);
    }

    private static String required(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("missing_parameter", parameter + " is required", parameter);
        }
        return value;
    }

    private static void await(CompletableFuture<Void> done) {
        try {
            done.get(PROPAGATION_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            // The change is recorded; GET /api/v1/pii/status shows when propagation has caught up.
        }
    }
}
