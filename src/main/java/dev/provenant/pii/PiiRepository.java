package dev.provenant.pii;

import dev.provenant.neo4j.BulkTransactions;
import dev.provenant.neo4j.CypherCatalog;
import dev.provenant.neo4j.Neo4jSessions;
import dev.provenant.neo4j.Row;
import dev.provenant.pii.PiiRefs.DatasetRef;
import dev.provenant.pii.PiiRefs.FieldRef;
import dev.provenant.pii.PiiRefs.JobRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/** Reads propagation regions, writes verdicts, and keeps steward declarations and barriers. */
@ApplicationScoped
class PiiRepository {

    /** Keys per UNWIND: large regions are read and written in slices of this size. */
    static final int SLICE = 2000;
    /** Verdicts per transaction of a large write: fewer, larger commits (a full recompute writes 180,000 verdicts). */
    static final int WRITE_SLICE = 10_000;
    /** Transactions writing slices of a large update at the same time. */
    static final int WRITERS = 2;

    record DatasetRow(DatasetRef dataset, String tags, StoredVerdict stored) {}

    record FieldRow(FieldRef field, StoredVerdict stored) {}

    record FeedsRow(FieldRef from, FieldRef to, JobRef job, String type, String subtype, boolean masking) {}

    /** A current dataset lineage step for which the job reported no current column lineage into the output. */
    record JobRow(DatasetRef input, JobRef job, DatasetRef output) {}

    /**
     * What a propagation stored (or is about to store) for a field or a dataset: state, categories and their
     * {@code distances} from the nearest declaration, evidence, how it was declared, and the trail (JSON).
     * CLEAR is all null. Datasets keep no source, and a trail only when they have no fields.
     */
    record StoredVerdict(String state, List<String> categories, String evidence, String source, String trail,
            List<Integer> distances) {

        static final StoredVerdict CLEAR = new StoredVerdict(null, null, null, null, null, null);

        StoredVerdict(String state, List<String> categories, String evidence, String source) {
            this(state, categories, evidence, source, null, null);
        }

        /** Whether this non-CLEAR verdict was stored before categories kept their distances (by an older version). */
        boolean lacksDistances() {
            return state != null && categories != null && !categories.isEmpty()
                    && (distances == null || distances.size() != categories.size());
        }
    }

    record DeclarationRow(FieldRef field, boolean personal, List<String> categories, String reason, String declaredBy,
            OffsetDateTime declaredAt) {}

    record BarrierRow(JobRef job, String reason, String declaredBy, OffsetDateTime declaredAt) {}

    /**
     * Everything propagation needs about a set of datasets: their fields, the lineage into them and the
     * declarations on them; plus, for an update of part of the graph, the boundary: the datasets just
     * upstream (inputs of the region's jobs, sources of its column lineage) with their stored verdicts.
     */
    record Region(List<DatasetRow> datasets, List<FieldRow> fields, List<FeedsRow> feeds, List<JobRow> jobs,
            List<DeclarationRow> declarations, List<DatasetRow> boundaryDatasets, List<FieldRow> boundaryFields) {

        Region(List<DatasetRow> datasets, List<FieldRow> fields, List<FeedsRow> feeds, List<JobRow> jobs,
                List<DeclarationRow> declarations) {
            this(datasets, fields, feeds, jobs, declarations, List.of(), List.of());
        }
    }

    record FieldVerdictRow(FieldRef field, StoredVerdict verdict) {}

    record DatasetVerdictRow(DatasetRef dataset, StoredVerdict verdict) {}

    record CountRow(String kind, String state, long count) {}

    record DatasetFields(StoredVerdict dataset, List<FieldRow> fields) {}

    /** A dataset a job reads ({@code reads}) or writes. */
    record JobLink(boolean reads, DatasetRef dataset) {}

    private final Neo4jSessions sessions;
    private final BulkTransactions bulk;
    private final String resolveDatasets;
    private final String jobOutputs;
    private final String readOutputs;
    private final String downstream;
    private final String upstream;
    private final String regionDatasets;
    private final String regionFields;
    private final String regionFeeds;
    private final String regionJobs;
    private final String fedDatasets;
    private final String findDeclarations;
    private final String allRegionDatasets;
    private final String allRegionFields;
    private final String allRegionFeeds;
    private final String allRegionJobs;
    private final String countDatasets;
    private final String listDeclarations;
    private final String mergeDeclaration;
    private final String deleteDeclaration;
    private final String listBarriers;
    private final String mergeBarrier;
    private final String deleteBarrier;
    private final String writeFields;
    private final String writeDatasets;
    private final String datasetFields;
    private final String findJob;
    private final String countStates;
    private final String countCategories;
    private final String declaredFields;
    private final String exposedDatasets;

    PiiRepository(Neo4jSessions sessions, BulkTransactions bulk, CypherCatalog cypher) {
        this.sessions = sessions;
        this.bulk = bulk;
        this.resolveDatasets = cypher.get("pii/resolve_datasets");
        this.jobOutputs = cypher.get("pii/find_job_outputs");
        this.readOutputs = cypher.get("pii/find_read_outputs");
        this.downstream = cypher.get("pii/expand_datasets_downstream");
        this.upstream = cypher.get("pii/expand_datasets_upstream");
        this.regionDatasets = cypher.get("pii/find_region_datasets");
        this.regionFields = cypher.get("pii/find_region_fields");
        this.regionFeeds = cypher.get("pii/find_region_feeds");
        this.regionJobs = cypher.get("pii/find_region_jobs");
        this.fedDatasets = cypher.get("pii/find_fed_datasets");
        this.findDeclarations = cypher.get("pii/find_declarations");
        this.allRegionDatasets = cypher.get("pii/list_all_region_datasets");
        this.allRegionFields = cypher.get("pii/list_all_region_fields");
        this.allRegionFeeds = cypher.get("pii/list_all_region_feeds");
        this.allRegionJobs = cypher.get("pii/list_all_region_jobs");
        this.countDatasets = cypher.get("pii/count_datasets");
        this.listDeclarations = cypher.get("pii/list_declarations");
        this.mergeDeclaration = cypher.get("pii/merge_declaration");
        this.deleteDeclaration = cypher.get("pii/delete_declaration");
        this.listBarriers = cypher.get("pii/list_barriers");
        this.mergeBarrier = cypher.get("pii/merge_barrier");
        this.deleteBarrier = cypher.get("pii/delete_barrier");
        this.writeFields = cypher.get("pii/write_field_verdicts");
        this.writeDatasets = cypher.get("pii/write_dataset_verdicts");
        this.datasetFields = cypher.get("pii/find_dataset_fields");
        this.findJob = cypher.get("pii/find_job");
        this.countStates = cypher.get("pii/count_states");
        this.countCategories = cypher.get("pii/count_categories");
        this.declaredFields = cypher.get("pii/find_declared_fields");
        this.exposedDatasets = cypher.get("pii/find_exposed_datasets");
    }

    List<DatasetRef> resolve(List<DatasetRef> keys) {
        return read(tx -> sliced(keys, slice -> tx.run(resolveDatasets, Map.of("keys", params(slice)))
                .list(PiiRepository::datasetRef)));
    }

    /** The datasets one step away from {@code keys} over the selected edges, in or against flow direction. */
    List<DatasetRef> expand(List<DatasetRef> keys, boolean downstreamDirection, PiiRefs.Edges edges) {
        String cypher = downstreamDirection ? downstream : upstream;
        return read(tx -> sliced(keys, slice -> tx.run(cypher, edges.parameters(params(slice)))
                .list(PiiRepository::datasetRef)));
    }

    /** See {@link Relaxation.Lineage#fedBy}. */
    List<DatasetRef> fedBy(List<FieldRef> fields) {
        List<Map<String, Object>> keys = fields.stream().map(f -> Map.<String, Object>of("namespace", f.namespace(),
                "name", f.name(), "field", f.field())).toList();
        return read(tx -> sliced(keys, s -> tx.run(fedDatasets, Map.of("fields", s)).list(PiiRepository::datasetRef)));
    }

    /** The region of {@code keys} with the lineage of the selected edges, and no boundary. */
    Region region(List<DatasetRef> keys, PiiRefs.Edges edges) {
        return read(tx -> region(tx, keys, edges));
    }

    private Region region(org.neo4j.driver.TransactionContext tx, List<DatasetRef> keys, PiiRefs.Edges edges) {
        return new Region(datasetVerdicts(tx, keys), fieldVerdicts(tx, keys),
                sliced(keys, s -> tx.run(regionFeeds, edges.parameters(params(s))).list(r -> new FeedsRow(
                        fieldRef(r, "fromNamespace", "fromName", "fromField"),
                        fieldRef(r, "toNamespace", "toName", "toField"),
                        new JobRef(r.get("jobNamespace").asString(), r.get("jobName").asString()),
                        r.get("type").asString(null), r.get("subtype").asString(null), r.get("masking").asBoolean(false)))),
                sliced(keys, s -> tx.run(regionJobs, edges.parameters(params(s))).list(r -> new JobRow(
                        new DatasetRef(r.get("inNamespace").asString(), r.get("inName").asString()),
                        new JobRef(r.get("jobNamespace").asString(), r.get("jobName").asString()),
                        new DatasetRef(r.get("outNamespace").asString(), r.get("outName").asString())))),
                sliced(keys, s -> tx.run(findDeclarations, Map.of("keys", params(s))).list(r -> declaration(r))));
    }

    /**
     * The region of {@code keys} (a wave, or datasets closed under downstream lineage) with its boundary: the
     * datasets just upstream that are not keys themselves, with their fields and stored verdicts. One
     * read transaction, so region and boundary are read from the same state of the graph.
     */
    Region regionWithBoundary(List<DatasetRef> keys) {
        return read(tx -> {
            Region inner = region(tx, keys, PiiRefs.Edges.CURRENT);
            java.util.Set<DatasetRef> inside = new java.util.HashSet<>(keys);
            java.util.Set<DatasetRef> outside = new java.util.LinkedHashSet<>();
            inner.jobs().forEach(j -> outside.add(j.input()));
            inner.feeds().forEach(f -> outside.add(f.from().dataset()));
            outside.removeAll(inside);
            if (outside.isEmpty()) {
                return inner;
            }
            List<DatasetRef> boundary = List.copyOf(outside);
            return new Region(inner.datasets(), inner.fields(), inner.feeds(), inner.jobs(), inner.declarations(),
                    datasetVerdicts(tx, boundary), fieldVerdicts(tx, boundary));
        });
    }

    /** What an update starts from, read in one transaction: the changed datasets that exist, and the barriers. */
    record Start(List<DatasetRef> roots, List<JobRef> barriers) {}

    /**
     * The existing datasets among {@code datasets}, what the {@code jobs} write now, what the jobs of
     * {@code reads} write now where the dataset read holds personal data, and the barriers.
     */
    Start start(List<DatasetRef> datasets, List<JobRef> jobs, List<PiiRefs.Read> reads) {
        return read(tx -> {
            java.util.Set<DatasetRef> roots = new java.util.LinkedHashSet<>(sliced(datasets,
                    s -> tx.run(resolveDatasets, Map.of("keys", params(s))).list(PiiRepository::datasetRef)));
            roots.addAll(sliced(jobs, s -> tx.run(jobOutputs, Map.of("jobs", s.stream().map(JobRef::parameters)
                    .toList())).list(PiiRepository::datasetRef)));
            roots.addAll(sliced(reads, s -> tx.run(readOutputs, Map.of("reads", s.stream()
                    .map(PiiRefs.Read::parameters).toList())).list(PiiRepository::datasetRef)));
            List<JobRef> barriers = tx.run(listBarriers).list(r -> new JobRef(r.get("namespace").asString(),
                    r.get("name").asString()));
            return new Start(List.copyOf(roots), barriers);
        });
    }

    /** A FEEDS edge as list_all_region_feeds returns it, its ends still internal ids. */
    private record FeedsById(long from, long to, JobRef job, String type, String subtype, boolean masking) {}

    /**
     * The whole graph as one region, for a full recompute: label and relationship scans instead of a
     * lookup per key. The FEEDS edges are read on a second thread while this one reads datasets and
     * fields (both cores work), then joined to the fields by id. Names repeat across hundreds of
     * thousands of rows, so each distinct string is kept once.
     */
    Region wholeRegion() {
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<List<FeedsById>> edges = reader.submit(() -> {
                Function<String, String> name = interner();
                return bulk.read(q -> q.list(allRegionFeeds, r -> new FeedsById(r.number("fromId"), r.number("toId"),
                        new JobRef(name.apply(r.string("jobNamespace")), name.apply(r.string("jobName"))),
                        name.apply(r.string("type")), name.apply(r.string("subtype")), r.bool("masking", false))));
            });
            Function<String, String> name = interner();
            Map<Long, FieldRef> byId = new HashMap<>();
            Region nodes = bulk.read(q -> new Region(
                    q.list(allRegionDatasets, r -> new DatasetRow(
                            new DatasetRef(name.apply(r.string("namespace")), name.apply(r.string("name"))),
                            r.string("tags"), stored(r, false))),
                    q.list(allRegionFields, r -> {
                        FieldRef field = new FieldRef(name.apply(r.string("namespace")), name.apply(r.string("name")),
                                name.apply(r.string("field")));
                        byId.put(r.number("id"), field);
                        return new FieldRow(field, stored(r, true));
                    }),
                    List.of(),
                    q.list(allRegionJobs, r -> new JobRow(
                            new DatasetRef(name.apply(r.string("inNamespace")), name.apply(r.string("inName"))),
                            new JobRef(name.apply(r.string("jobNamespace")), name.apply(r.string("jobName"))),
                            new DatasetRef(name.apply(r.string("outNamespace")), name.apply(r.string("outName"))))),
                    q.list(listDeclarations, r -> declaration(r))));
            // An edge whose end the field scan did not see (committed in between) is left out: that ingest
            // commit queued an update, which runs after this recompute on the same thread.
            List<FeedsRow> feeds = await(edges, "reading the graph").stream()
                    .filter(e -> byId.containsKey(e.from()) && byId.containsKey(e.to()))
                    .map(e -> new FeedsRow(byId.get(e.from()), byId.get(e.to()), e.job(), e.type(), e.subtype(),
                            e.masking()))
                    .toList();
            return new Region(nodes.datasets(), nodes.fields(), feeds, nodes.jobs(), nodes.declarations());
        } finally {
            reader.shutdownNow();
        }
    }

    /** Returns each distinct string once (null stays null); for one thread. */
    private static Function<String, String> interner() {
        Map<String, String> strings = new HashMap<>();
        return v -> v == null ? null : strings.computeIfAbsent(v, k -> k);
    }

    long countDatasets() {
        return read(tx -> tx.run(countDatasets).single().get("datasets").asLong());
    }

    /** The fields of the given datasets (nested ones included) with their stored verdicts. */
    private List<FieldRow> fieldVerdicts(org.neo4j.driver.TransactionContext tx, List<DatasetRef> keys) {
        return sliced(keys, s -> tx.run(regionFields, Map.of("keys", params(s))).list(r -> new FieldRow(
                fieldRef(r, "namespace", "name", "field"), stored(r, true))));
    }

    /** Stored dataset verdicts (and tags facets) of existing datasets among {@code keys}. */
    List<DatasetRow> datasetVerdicts(List<DatasetRef> keys) {
        return read(tx -> datasetVerdicts(tx, keys));
    }

    private List<DatasetRow> datasetVerdicts(org.neo4j.driver.TransactionContext tx, List<DatasetRef> keys) {
        return sliced(keys, s -> tx.run(regionDatasets, Map.of("keys", params(s))).list(r -> new DatasetRow(
                datasetRef(r), r.get("tags").asString(null), stored(r, false))));
    }

    /** The jobs marked as approved anonymisers: all that propagation needs of the barriers. */
    List<JobRef> barrierJobs() {
        return barriers().stream().map(BarrierRow::job).toList();
    }

    List<BarrierRow> barriers() {
        return read(tx -> tx.run(listBarriers).list(r -> new BarrierRow(
                new JobRef(r.get("namespace").asString(), r.get("name").asString()), r.get("reason").asString(null),
                r.get("declaredBy").asString(null), time(r.get("declaredAt")))));
    }

    List<DeclarationRow> declarations() {
        return read(tx -> tx.run(listDeclarations).list(r -> declaration(r)));
    }

    OffsetDateTime saveDeclaration(FieldRef field, boolean personal, List<String> categories, String reason,
            String declaredBy) {
        Map<String, Object> p = new HashMap<>();
        p.put("namespace", field.namespace());
        p.put("name", field.name());
        p.put("field", field.field());
        p.put("personal", personal);
        p.put("categories", categories);
        p.put("reason", reason);
        p.put("declaredBy", declaredBy);
        return write(tx -> time(tx.run(mergeDeclaration, p).single().get("declaredAt")));
    }

    boolean deleteDeclaration(FieldRef field) {
        return write(tx -> tx.run(deleteDeclaration, Map.of("namespace", field.namespace(), "name", field.name(),
                "field", field.field())).single().get("deleted").asLong() > 0);
    }

    OffsetDateTime saveBarrier(JobRef job, String reason, String declaredBy) {
        Map<String, Object> p = new HashMap<>(job.parameters());
        p.put("reason", reason);
        p.put("declaredBy", declaredBy);
        return write(tx -> time(tx.run(mergeBarrier, p).single().get("declaredAt")));
    }

    boolean deleteBarrier(JobRef job) {
        return write(tx -> tx.run(deleteBarrier, job.parameters()).single().get("deleted").asLong() > 0);
    }

    /**
     * Stores verdicts: one transaction when they fit one slice (an incremental update), otherwise one per
     * slice so a full recompute never builds one huge transaction.
     */
    void writeVerdicts(List<FieldVerdictRow> fields, List<DatasetVerdictRow> datasets) {
        List<Map<String, Object>> fieldRows = fields.stream()
                .map(r -> verdictParameters(r.field().namespace(), r.field().name(), r.field().field(), r.verdict()))
                .toList();
        List<Map<String, Object>> datasetRows = datasets.stream()
                .map(r -> verdictParameters(r.dataset().namespace(), r.dataset().name(), null, r.verdict())).toList();
        if (fieldRows.size() <= SLICE && datasetRows.size() <= SLICE) {
            write(tx -> {
                tx.run(writeFields, Map.of("rows", fieldRows)).consume();
                return tx.run(writeDatasets, Map.of("rows", datasetRows)).consume();
            });
            return;
        }
        writeSlices(writeFields, fieldRows);
        writeSlices(writeDatasets, datasetRows);
    }

    /**
     * Writes the rows slice by slice, {@link #WRITERS} transactions at a time: a slice touches only its own
     * nodes, so the transactions never wait for each other, and the database works on all cores while
     * this thread waits.
     */
    private void writeSlices(String cypher, List<Map<String, Object>> rows) {
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(WRITERS);
        try {
            List<java.util.concurrent.Future<?>> slices = new ArrayList<>();
            for (int i = 0; i < rows.size(); i += WRITE_SLICE) {
                List<Map<String, Object>> slice = rows.subList(i, Math.min(rows.size(), i + WRITE_SLICE));
                slices.add(writers.submit(() -> bulk.write(q -> {
                    q.run(cypher, Map.of("rows", slice));
                    return null;
                })));
            }
            for (java.util.concurrent.Future<?> slice : slices) {
                await(slice, "writing PII verdicts");
            }
        } finally {
            writers.shutdownNow();
        }
    }

    /** The result of work on another thread; its failure is rethrown as it was thrown there. */
    private static <T> T await(java.util.concurrent.Future<T> work, String doing) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** A dataset's stored verdict and its fields' (sorted by path); empty when there is no such dataset. */
    java.util.Optional<DatasetFields> datasetFields(DatasetRef dataset) {
        List<Record> rows = read(tx -> tx.run(datasetFields, dataset.parameters()).list());
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        Record first = rows.get(0);
        StoredVerdict own = new StoredVerdict(first.get("datasetState").asString(null),
                strings(first.get("datasetCategories")), first.get("datasetEvidence").asString(null), null);
        List<FieldRow> fields = rows.stream().filter(r -> !r.get("field").isNull()).map(r -> new FieldRow(
                new FieldRef(dataset.namespace(), dataset.name(), r.get("field").asString()),
                new StoredVerdict(r.get("state").asString(null), strings(r.get("categories")),
                        r.get("evidence").asString(null), r.get("source").asString(null)))).toList();
        return java.util.Optional.of(new DatasetFields(own, fields));
    }

    /** The datasets a job currently reads and writes; empty when there is no such job. */
    java.util.Optional<List<JobLink>> job(JobRef job) {
        List<Record> rows = read(tx -> tx.run(findJob, job.parameters()).list());
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(rows.stream().filter(r -> !r.get("name").isNull()).map(r -> new JobLink(
                r.get("direction").asString().equals("READS"), datasetRef(r))).toList());
    }

    List<CountRow> countStates() {
        return read(tx -> tx.run(countStates).list(r -> new CountRow(r.get("kind").asString(),
                r.get("state").asString(null), r.get("count").asLong())));
    }

    List<PiiViews.CategoryCount> countCategories() {
        return read(tx -> tx.run(countCategories).list(r -> new PiiViews.CategoryCount(r.get("category").asString(),
                r.get("fields").asLong())));
    }

    List<PiiViews.DeclaredSource> declaredFields(int limit) {
        return read(tx -> tx.run(declaredFields, Map.of("limit", limit)).list(r -> new PiiViews.DeclaredSource(
                r.get("namespace").asString(), r.get("name").asString(), r.get("field").asString(),
                r.get("source").asString(), PiiState.fromProperty(r.get("state").asString(null)),
                strings(r.get("categories")))));
    }

    List<PiiViews.ExposedDataset> exposedDatasets(int limit) {
        return read(tx -> tx.run(exposedDatasets, Map.of("limit", limit)).list(r -> new PiiViews.ExposedDataset(
                r.get("namespace").asString(), r.get("name").asString(),
                PiiState.fromProperty(r.get("state").asString(null)), strings(r.get("categories")),
                r.get("raw").asLong(), r.get("pseudonymised").asLong())));
    }

    private static List<String> strings(Value value) {
        return value.isNull() ? List.of() : value.asList(Value::asString);
    }

    private static Map<String, Object> verdictParameters(String namespace, String name, String field,
            StoredVerdict verdict) {
        Map<String, Object> p = new HashMap<>();
        p.put("namespace", namespace);
        p.put("name", name);
        if (field != null) {
            p.put("field", field);
            p.put("source", verdict.source());
        }
        p.put("state", verdict.state());
        p.put("categories", verdict.categories());
        p.put("distances", verdict.distances());
        p.put("evidence", verdict.evidence());
        p.put("trail", verdict.trail());
        return p;
    }

    private static StoredVerdict stored(Record r, boolean field) {
        return stored(Row.of(r), field);
    }

    private static StoredVerdict stored(Row r, boolean field) {
        return new StoredVerdict(r.string("piiState"), r.strings("piiCategories"), r.string("piiEvidence"),
                field ? r.string("piiSource") : null, r.string("piiTrail"), r.ints("piiCategoryDistances"));
    }

    private static DeclarationRow declaration(Record r) {
        return declaration(Row.of(r));
    }

    private static DeclarationRow declaration(Row r) {
        List<String> categories = r.strings("categories");
        return new DeclarationRow(new FieldRef(r.string("namespace"), r.string("name"), r.string("field")),
                r.bool("personal", true), categories == null ? List.of() : categories, r.string("reason"),
                r.string("declaredBy"), r.get("declaredAt") instanceof java.time.ZonedDateTime at ? at.toOffsetDateTime()
                        : null);
    }

    private static OffsetDateTime time(Value value) {
        return value.isNull() ? null : value.asZonedDateTime().toOffsetDateTime();
    }

    private static DatasetRef datasetRef(Record r) {
        return new DatasetRef(r.get("namespace").asString(), r.get("name").asString());
    }

    private static FieldRef fieldRef(Record r, String namespace, String name, String field) {
        return new FieldRef(r.get(namespace).asString(), r.get(name).asString(), r.get(field).asString());
    }

    private static List<Map<String, Object>> params(List<DatasetRef> keys) {
        return keys.stream().map(DatasetRef::parameters).toList();
    }

    private static <K, T> List<T> sliced(List<K> keys, Function<List<K>, List<T>> query) {
        List<T> all = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += SLICE) {
            all.addAll(query.apply(keys.subList(i, Math.min(keys.size(), i + SLICE))));
        }
        return all;
    }

    private <T> T read(org.neo4j.driver.TransactionCallback<T> work) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(work);
        }
    }

    private <T> T write(org.neo4j.driver.TransactionCallback<T> work) {
        try (Session session = sessions.writeSession()) {
            return session.executeWrite(work);
        }
    }
}
