package dev.provenant.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * A deterministic synthetic lineage estate of about a given number of nodes, written straight into a
 * fresh Provenant's database over Bolt with {@code UNWIND} batches, in exactly the graph model the ingest
 * writes (docs/graph-model.md): {@code :Dataset}, {@code :Field} (below its dataset by {@code HAS_FIELD}),
 * {@code :Job}, {@code :Run} ({@code OF} its job) with their keys, {@code searchText} and {@code firstSeen}/{@code lastSeen};
 * {@code INPUT_TO}/{@code OUTPUTS} and {@code FEEDS} edges with {@code firstSeen}, {@code lastSeen},
 * {@code lastRun}, {@code current}, {@code staleSince} (and {@code FEEDS}' job, type, subtype, masking).
 * Left out because no lineage read touches them: events, dataset versions, facets, aliases.
 *
 * <p>Shape: raw tables feed a layered DAG of jobs (mostly 1 to 3 inputs, some wide jobs with 20 to 100;
 * popular tables are picked far more often, so fan-out is skewed); a few supernodes (think
 * {@code dim_date}) are read by thousands of jobs; long chains of single-input jobs give depth; some
 * jobs read and write the same table and some write back into their grandparent input (cycles); every
 * output field is fed by one input field (DIRECT) and sometimes a second (INDIRECT); about 2% of
 * dataset edges are stale history. Reused by the PII benchmark: build once, {@link #load} into any
 * database, then pick start nodes with {@link #randomDataset} and friends.
 */
public final class SyntheticLineageGraph {

    static final String[] DATASET_NAMESPACES = {"postgres://warehouse:5432", "s3://lake", "bigquery", "hdfs://cluster"};
    static final String[] JOB_NAMESPACES = {"airflow", "spark", "dbt"};
    private static final String[] INDIRECT_SUBTYPES = {"FILTER", "JOIN", "GROUP_BY", "SORT"};
    private static final OffsetDateTime EPOCH = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /** A dataset as a query addresses it. */
    public record DatasetRef(int id, String namespace, String name, int fields, int layer) {
        public String field(int index) {
            return "col_" + (index % fields);
        }
    }

    /** How the estate was built, for the report. */
    public record Counts(long datasets, long fields, long jobs, long runs, long inputEdges, long outputEdges,
            long feedsEdges, long hasFieldEdges, int supernodes, int supernodeReaders, int chains, int chainLength,
            int cycles, int layers) {
        public long nodes() {
            return datasets + fields + jobs + runs;
        }

        public long relationships() {
            return inputEdges + outputEdges + feedsEdges + hasFieldEdges + runs;
        }

        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("nodes", nodes());
            map.put("relationships", relationships());
            map.put("datasets", datasets);
            map.put("fields", fields);
            map.put("jobs", jobs);
            map.put("runs", runs);
            map.put("input_to", inputEdges);
            map.put("outputs", outputEdges);
            map.put("feeds", feedsEdges);
            map.put("has_field", hasFieldEdges);
            map.put("supernodes", supernodes);
            map.put("readers_per_supernode", supernodeReaders);
            map.put("chains", chains);
            map.put("chain_length", chainLength);
            map.put("cycle_jobs", cycles);
            map.put("layers", layers);
            return map;
        }
    }

    private record Job(int id, int[] inputs, int[] outputs) {}

    /** One column lineage edge as loaded, for a benchmark that re-reports a job's lineage unchanged. */
    public record ColumnEdge(DatasetRef from, String fromField, DatasetRef to, String toField, String type,
            String subtype, boolean masking) {}

    /** What {@link #load} wrote for a job it was asked to record: its current inputs and column lineage. */
    public record LoadedLineage(List<DatasetRef> currentInputs, List<ColumnEdge> columns) {}

    private final Map<Integer, LoadedLineage> recorded = new HashMap<>();

    private final int[] datasetLayer;
    private final int[] datasetFields;
    private final List<Job> jobs = new ArrayList<>();
    private final int supernodes;
    private final int supernodeReaders;
    private final int chains;
    private final int chainLength;
    private final int[] chainStarts;
    private final int layers;
    private int cycles;
    private final long seed;

    /** An estate of about {@code targetNodes} nodes (datasets + fields + jobs + runs). */
    public SyntheticLineageGraph(int targetNodes, long seed) {
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        // Per dataset: itself, 3 to 8 fields (5.5), and about 0.45 jobs each with one run.
        int datasets = Math.max(200, (int) (targetNodes / 7.4));
        this.layers = 12;
        this.supernodes = Math.max(2, targetNodes / 100_000);
        this.chains = Math.max(10, targetNodes / 10_000);
        this.chainLength = 40;
        int chainDatasets = chains * (chainLength + 1);
        int raw = datasets / 5;
        this.datasetLayer = new int[datasets];
        this.datasetFields = new int[datasets];
        for (int d = 0; d < datasets; d++) {
            datasetFields[d] = 3 + random.nextInt(6);
        }
        // Datasets [0, raw) are raw tables (layer 0), the first `supernodes` of them the supernodes;
        // then the chains; the rest are produced by the layered DAG.
        this.chainStarts = new int[chains];
        int next = raw;
        for (int c = 0; c < chains; c++) {
            chainStarts[c] = next;
            for (int k = 0; k <= chainLength; k++) {
                datasetLayer[next + k] = k;
            }
            for (int k = 1; k <= chainLength; k++) {
                jobs.add(new Job(jobs.size(), new int[] {next + k - 1}, new int[] {next + k}));
            }
            next += chainLength + 1;
        }
        int dagDatasets = datasets - next;
        int perLayer = Math.max(1, dagDatasets / layers);
        int[] producer = new int[datasets];
        java.util.Arrays.fill(producer, -1);
        List<int[]> byLayer = new ArrayList<>();
        byLayer.add(range(0, raw));
        int expectedDagJobs = dagDatasets / 2;
        this.supernodeReaders = Math.max(100, Math.min(3000, expectedDagJobs / 2 / supernodes));
        double supernodeProbability = Math.min(0.9, (double) supernodeReaders * supernodes / expectedDagJobs);
        for (int layer = 1; layer <= layers && next < datasets; layer++) {
            int end = layer == layers ? datasets : Math.min(datasets, next + perLayer);
            int layerStart = next;
            while (next < end) {
                int outputs = Math.min(end - next, 1 + random.nextInt(3));
                int[] out = range(next, next + outputs);
                next += outputs;
                int fanIn = fanIn(random);
                List<Integer> in = new ArrayList<>();
                for (int i = 0; i < fanIn; i++) {
                    int[] pool = random.nextDouble() < 0.7 ? byLayer.get(layer - 1)
                            : byLayer.get(random.nextInt(layer));
                    // Skewed: low indexes of a layer are popular, giving wide fan-out.
                    int pick = pool[(int) (pool.length * Math.pow(random.nextDouble(), 3))];
                    if (pick >= supernodes && !in.contains(pick)) {
                        in.add(pick);
                    }
                }
                if (random.nextDouble() < supernodeProbability) {
                    in.add(random.nextInt(supernodes));
                }
                if (in.isEmpty()) {
                    in.add(byLayer.get(layer - 1)[random.nextInt(byLayer.get(layer - 1).length)]);
                }
                double kind = random.nextDouble();
                if (kind < 0.01) {
                    // Reads and writes the same table (compaction, upsert).
                    out = append(out, in.get(0));
                    cycles++;
                } else if (kind < 0.015 && producer[in.get(0)] >= 0) {
                    // Writes back into an input of the job that produced its input: a longer cycle.
                    out = append(out, jobs.get(producer[in.get(0)]).inputs()[0]);
                    cycles++;
                }
                Job job = new Job(jobs.size(), in.stream().mapToInt(Integer::intValue).toArray(), out);
                jobs.add(job);
                for (int o : out) {
                    if (o >= layerStart) {
                        datasetLayer[o] = layer;
                        producer[o] = job.id();
                    }
                }
            }
            byLayer.add(range(layerStart, next));
        }
    }

    private static int fanIn(SplittableRandom random) {
        double r = random.nextDouble();
        if (r < 0.70) {
            return 1 + random.nextInt(3);
        }
        if (r < 0.97) {
            return 4 + random.nextInt(7);
        }
        return 20 + random.nextInt(81);
    }

    private static int[] range(int from, int to) {
        int[] values = new int[Math.max(0, to - from)];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i;
        }
        return values;
    }

    private static int[] append(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return values;
            }
        }
        int[] copy = java.util.Arrays.copyOf(values, values.length + 1);
        copy[values.length] = value;
        return copy;
    }

    public int datasetCount() {
        return datasetLayer.length;
    }

    public DatasetRef dataset(int id) {
        return new DatasetRef(id, DATASET_NAMESPACES[id % DATASET_NAMESPACES.length],
                "schema_" + (id % 97) + ".table_" + id, datasetFields[id], datasetLayer[id]);
    }

    public DatasetRef randomDataset(SplittableRandom random) {
        return dataset(random.nextInt(datasetCount()));
    }

    /** A dataset at or beyond a layer: somewhere with a deep upstream. */
    public DatasetRef deepDataset(SplittableRandom random, int minLayer) {
        while (true) {
            DatasetRef d = randomDataset(random);
            if (d.layer() >= minLayer) {
                return d;
            }
        }
    }

    /** A raw table or a table of the first layers: somewhere with a deep downstream. */
    public DatasetRef shallowDataset(SplittableRandom random, int maxLayer) {
        while (true) {
            DatasetRef d = randomDataset(random);
            if (d.layer() <= maxLayer) {
                return d;
            }
        }
    }

    public DatasetRef supernode(int index) {
        return dataset(index % supernodes);
    }

    public DatasetRef chainDataset(int chain, int position) {
        return dataset(chainStarts[chain % chains] + Math.min(position, chainLength));
    }

    public int chains() {
        return chains;
    }

    public int chainLength() {
        return chainLength;
    }

    public int layers() {
        return layers;
    }

    /** Raw tables (layer 0, no producing job) are the first fifth of the datasets. */
    public int rawCount() {
        return datasetLayer.length / 5;
    }

    public int jobCount() {
        return jobs.size();
    }

    /** The datasets job {@code id} writes, as loaded. */
    public List<DatasetRef> jobOutputs(int id) {
        return java.util.Arrays.stream(jobs.get(id).outputs()).mapToObj(this::dataset).toList();
    }

    String jobNamespace(int job) {
        return JOB_NAMESPACES[job % JOB_NAMESPACES.length];
    }

    String jobName(int job) {
        return "dag_" + (job % 211) + ".task_" + job;
    }

    String runId(int job) {
        return String.format("%08x-0000-4000-8000-%012x", seed & 0xffffffffL, job);
    }

    // ---- loading ---------------------------------------------------------------------------------

    private static final String CREATE_DATASETS = """
            UNWIND $rows AS row
            CREATE (d:Dataset {namespace: row.namespace, name: row.name, searchText: row.searchText, firstSeen: row.t,
                               lastSeen: row.t})
            WITH d, row
            UNWIND row.fields AS path
            CREATE (d)-[:HAS_FIELD]->(:Field {namespace: row.namespace, dataset: row.name, path: path, name: path,
                                              searchText: replace(path, '_', ' '), type: 'string', firstSeen: row.t,
                                              lastSeen: row.t})""";
    private static final String CREATE_JOBS = """
            UNWIND $rows AS row
            CREATE (j:Job {namespace: row.namespace, name: row.name, searchText: row.searchText, firstSeen: row.t,
                           lastSeen: row.t, lastCompletedAt: row.t, lastCompletedRun: row.runId})
            CREATE (:Run {runId: row.runId, jobNamespace: row.namespace, jobName: row.name, state: 'COMPLETE',
                          stateRank: 3, stateTime: row.t, firstEventTime: row.t, startEventTime: row.t,
                          endedAt: row.t})-[:OF]->(j)""";
    private static final String CREATE_INPUTS = """
            UNWIND $rows AS row
            MATCH (d:Dataset {namespace: row.namespace, name: row.name})
            MATCH (j:Job {namespace: row.jobNamespace, name: row.jobName})
            CREATE (d)-[:INPUT_TO {firstSeen: row.t, lastSeen: row.t, lastRun: row.runId, current: row.current,
                                   staleSince: row.staleSince}]->(j)""";
    private static final String CREATE_OUTPUTS = """
            UNWIND $rows AS row
            MATCH (d:Dataset {namespace: row.namespace, name: row.name})
            MATCH (j:Job {namespace: row.jobNamespace, name: row.jobName})
            CREATE (j)-[:OUTPUTS {firstSeen: row.t, lastSeen: row.t, lastRun: row.runId, current: true}]->(d)""";
    private static final String CREATE_FEEDS = """
            UNWIND $rows AS row
            MATCH (src:Field {namespace: row.fromNamespace, dataset: row.fromDataset, path: row.fromField})
            MATCH (dst:Field {namespace: row.toNamespace, dataset: row.toDataset, path: row.toField})
            CREATE (src)-[:FEEDS {jobNamespace: row.jobNamespace, jobName: row.jobName, type: row.type,
                                  subtype: row.subtype, masking: row.masking, firstSeen: row.t, lastSeen: row.t,
                                  lastRun: row.runId, current: true}]->(dst)""";

    /** Asks {@link #load} to keep what it writes for these jobs ({@link #loadedLineage}); call before loading. */
    public void record(java.util.Collection<Integer> jobIds) {
        jobIds.forEach(id -> recorded.put(id, new LoadedLineage(new ArrayList<>(), new ArrayList<>())));
    }

    /** The current inputs and column lineage {@link #load} wrote for a job passed to {@link #record}. */
    public LoadedLineage loadedLineage(int jobId) {
        return recorded.get(jobId);
    }

    /** Writes the estate into an empty database (schema already migrated); returns what was written. */
    public Counts load(Driver driver, int batchSize, Consumer<String> progress) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        long fields = 0;
        long inputs = 0;
        long outputs = 0;
        long feeds = 0;
        try (Session session = driver.session()) {
            Batches batches = new Batches(session, batchSize);
            for (int d = 0; d < datasetCount(); d++) {
                DatasetRef ref = dataset(d);
                List<String> paths = new ArrayList<>(ref.fields());
                for (int f = 0; f < ref.fields(); f++) {
                    paths.add(ref.field(f));
                }
                fields += paths.size();
                batches.add(CREATE_DATASETS, Map.of("namespace", ref.namespace(), "name", ref.name(),
                        "searchText", searchText(ref.name()), "fields", paths, "t", time(d)));
            }
            batches.flush();
            progress.accept(String.format("  %,d datasets and %,d fields written", datasetCount(), fields));
            for (Job job : jobs) {
                batches.add(CREATE_JOBS, Map.of("namespace", jobNamespace(job.id()), "name", jobName(job.id()),
                        "searchText", searchText(jobName(job.id())), "runId", runId(job.id()), "t", time(job.id())));
            }
            batches.flush();
            progress.accept(String.format("  %,d jobs and runs written", jobs.size()));
            for (Job job : jobs) {
                LoadedLineage record = recorded.get(job.id());
                for (int in : job.inputs()) {
                    DatasetRef d = dataset(in);
                    boolean stale = random.nextDouble() < 0.02;
                    if (record != null && !stale) {
                        record.currentInputs().add(d);
                    }
                    Map<String, Object> row = new HashMap<>();
                    row.put("namespace", d.namespace());
                    row.put("name", d.name());
                    row.put("jobNamespace", jobNamespace(job.id()));
                    row.put("jobName", jobName(job.id()));
                    row.put("runId", runId(job.id()));
                    row.put("t", time(job.id()));
                    row.put("current", !stale);
                    row.put("staleSince", stale ? time(job.id()).plusDays(1) : null);
                    batches.add(CREATE_INPUTS, row);
                    inputs++;
                }
                for (int out : job.outputs()) {
                    DatasetRef d = dataset(out);
                    batches.add(CREATE_OUTPUTS, Map.of("namespace", d.namespace(), "name", d.name(),
                            "jobNamespace", jobNamespace(job.id()), "jobName", jobName(job.id()),
                            "runId", runId(job.id()), "t", time(job.id())));
                    outputs++;
                }
            }
            batches.flush();
            progress.accept(String.format("  %,d INPUT_TO and %,d OUTPUTS edges written", inputs, outputs));
            for (Job job : jobs) {
                LoadedLineage record = recorded.get(job.id());
                for (int out : job.outputs()) {
                    DatasetRef target = dataset(out);
                    for (int f = 0; f < target.fields(); f++) {
                        DatasetRef source = dataset(job.inputs()[(f + out) % job.inputs().length]);
                        String subtype = random.nextDouble() < 0.5 ? "IDENTITY" : "TRANSFORMATION";
                        boolean masking = random.nextDouble() < 0.05;
                        batches.add(CREATE_FEEDS, feedsRow(job, source, source.field(f), target, target.field(f),
                                "DIRECT", subtype, masking));
                        if (record != null) {
                            record.columns().add(new ColumnEdge(source, source.field(f), target, target.field(f),
                                    "DIRECT", subtype, masking));
                        }
                        feeds++;
                        if (random.nextDouble() < 0.3) {
                            DatasetRef other = dataset(job.inputs()[random.nextInt(job.inputs().length)]);
                            String otherField = other.field(random.nextInt(8));
                            String indirect = INDIRECT_SUBTYPES[random.nextInt(INDIRECT_SUBTYPES.length)];
                            batches.add(CREATE_FEEDS, feedsRow(job, other, otherField, target, target.field(f),
                                    "INDIRECT", indirect, false));
                            if (record != null) {
                                record.columns().add(new ColumnEdge(other, otherField, target, target.field(f),
                                        "INDIRECT", indirect, false));
                            }
                            feeds++;
                        }
                    }
                }
            }
            batches.flush();
            progress.accept(String.format("  %,d FEEDS edges written", feeds));
        }
        return new Counts(datasetCount(), fields, jobs.size(), jobs.size(), inputs, outputs, feeds, fields, supernodes,
                supernodeReaders, chains, chainLength, cycles, layers);
    }

    private Map<String, Object> feedsRow(Job job, DatasetRef from, String fromField, DatasetRef to, String toField,
            String type, String subtype, boolean masking) {
        Map<String, Object> row = new HashMap<>();
        row.put("fromNamespace", from.namespace());
        row.put("fromDataset", from.name());
        row.put("fromField", fromField);
        row.put("toNamespace", to.namespace());
        row.put("toDataset", to.name());
        row.put("toField", toField);
        row.put("jobNamespace", jobNamespace(job.id()));
        row.put("jobName", jobName(job.id()));
        row.put("runId", runId(job.id()));
        row.put("type", type);
        row.put("subtype", subtype);
        row.put("masking", masking);
        row.put("t", time(job.id()));
        return row;
    }

    /** As ingest derives it for the full-text index (schema V014): the name split at . _ : / - */
    static String searchText(String name) {
        return name.replaceAll("[._:/-]", " ");
    }

    private static OffsetDateTime time(int index) {
        return EPOCH.plusSeconds(index * 7L);
    }

    /** Rows per statement, flushed as one {@code UNWIND} transaction each time a batch fills. */
    private static final class Batches {
        private final Session session;
        private final int size;
        private final Map<String, List<Map<String, Object>>> pending = new LinkedHashMap<>();

        Batches(Session session, int size) {
            this.session = session;
            this.size = size;
        }

        void add(String cypher, Map<String, Object> row) {
            List<Map<String, Object>> rows = pending.computeIfAbsent(cypher, k -> new ArrayList<>());
            rows.add(row);
            if (rows.size() >= size) {
                write(cypher, rows);
            }
        }

        void flush() {
            pending.forEach((cypher, rows) -> {
                if (!rows.isEmpty()) {
                    write(cypher, rows);
                }
            });
        }

        private void write(String cypher, List<Map<String, Object>> rows) {
            List<Map<String, Object>> copy = List.copyOf(rows);
            rows.clear();
            session.executeWriteWithoutResult(tx -> tx.run(cypher, Map.of("rows", copy)).consume());
        }
    }
}
