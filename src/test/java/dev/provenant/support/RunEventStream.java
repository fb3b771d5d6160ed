package dev.provenant.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A reproducible stream of realistic OpenLineage RunEvents cut into requests, for load against a real
 * server. A fixed set of Spark and dbt jobs reads and writes a shared set of tables; every run reports
 * START (inputs with schema), RUNNING (outputs with statistics) and COMPLETE (inputs and outputs with
 * schema, symlinks and column lineage). The events of one run sit next to each other in the stream, so
 * concurrent senders post them at the same time, in any order, alone or in one batch; several jobs
 * write the same table. Safe for many threads; ends after {@code maxEvents} events.
 */
public final class RunEventStream {

    /** One request: a single event to {@code /api/v1/lineage} or a JSON array to {@code /api/v1/lineage/batch}. */
    public record Post(List<byte[]> events) {

        public boolean isBatch() {
            return events.size() > 1;
        }

        public String path() {
            return isBatch() ? "/api/v1/lineage/batch" : "/api/v1/lineage";
        }

        public byte[] body() {
            if (!isBatch()) {
                return events.get(0);
            }
            StringBuilder array = new StringBuilder("[");
            for (byte[] event : events) {
                array.append(array.length() > 1 ? "," : "").append(new String(event, StandardCharsets.UTF_8));
            }
            return array.append(']').toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private record Table(String name, List<String> columns) {

        String location() {
            return "warehouse/" + name.replace('.', '/');
        }
    }

    private record Job(String namespace, String name, String engine, List<Table> inputs, Table output) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_URL = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
    private static final String FACET_SCHEMA = "https://openlineage.io/spec/facets/1-0-1/";
    private static final String HIVE = "hive://metastore.prod:9083";
    private static final String S3 = "s3://acme-lake";
    private static final String POSTGRES = "postgres://crm-db.prod:5432";
    private static final Instant EPOCH = Instant.parse("2025-03-01T02:00:00Z");
    /** Batches of up to this many events, a third of the requests. */
    private static final int MAX_BATCH = 8;

    private final Random random;
    private final int maxEvents;
    private final List<Job> jobs;
    private final Deque<byte[]> ready = new ArrayDeque<>();
    private int produced;
    private int runs;

    public RunEventStream(long seed, int maxEvents) {
        this.random = new Random(seed);
        this.maxEvents = maxEvents;
        this.jobs = jobs(new Random(seed));
    }

    /** The next request, or null when the stream is used up. */
    public synchronized Post next() {
        while (ready.size() < MAX_BATCH && produced < maxEvents) {
            addRun();
        }
        if (ready.isEmpty()) {
            return null;
        }
        int size = random.nextInt(3) == 0 ? 2 + random.nextInt(MAX_BATCH - 1) : 1;
        List<byte[]> events = new ArrayList<>(size);
        while (events.size() < size && !ready.isEmpty()) {
            events.add(ready.poll());
        }
        return new Post(List.copyOf(events));
    }

    /** A single event nobody has posted before: a run of its own. */
    public synchronized byte[] freshEvent() {
        Job job = jobs.get(random.nextInt(jobs.size()));
        return event(job, new UUID(random.nextLong(), random.nextLong()).toString(), "START",
                EPOCH.plus(Duration.ofDays(365)), true, false);
    }

    private void addRun() {
        Job job = jobs.get(random.nextInt(jobs.size()));
        String runId = new UUID(random.nextLong(), random.nextLong()).toString();
        Instant start = EPOCH.plus(Duration.ofMinutes(7L * runs++)).plusMillis(random.nextInt(60_000));
        add(event(job, runId, "START", start, true, false));
        add(event(job, runId, "RUNNING", start.plusSeconds(30 + random.nextInt(60)), false, true));
        add(event(job, runId, "COMPLETE", start.plusSeconds(120 + random.nextInt(600)), true, true));
    }

    private void add(byte[] event) {
        if (produced < maxEvents) {
            ready.add(event);
            produced++;
        }
    }

    private byte[] event(Job job, String runId, String eventType, Instant time, boolean withInputs, boolean withOutputs) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventType", eventType);
        event.put("eventTime", time.toString());
        event.put("producer", job.engine());
        event.put("schemaURL", SCHEMA_URL);
        ObjectNode run = event.putObject("run");
        run.put("runId", runId);
        ObjectNode runFacets = run.putObject("facets");
        facet(runFacets, "nominalTime", "NominalTimeRunFacet").put("nominalStartTime", time.truncatedTo(ChronoUnit.HOURS).toString());
        ObjectNode engine = facet(runFacets, "processing_engine", "ProcessingEngineRunFacet");
        engine.put("version", job.namespace().startsWith("spark") ? "3.5.1" : "1.8.2");
        engine.put("name", job.namespace().startsWith("spark") ? "spark" : "dbt");
        ObjectNode jobNode = event.putObject("job");
        jobNode.put("namespace", job.namespace());
        jobNode.put("name", job.name());
        ObjectNode jobType = facet(jobNode.putObject("facets"), "jobType", "JobTypeJobFacet");
        jobType.put("processingType", "BATCH");
        jobType.put("integration", job.namespace().startsWith("spark") ? "SPARK" : "DBT");
        jobType.put("jobType", job.namespace().startsWith("spark") ? "SQL_JOB" : "MODEL");
        ArrayNode inputs = event.putArray("inputs");
        if (withInputs) {
            job.inputs().forEach(table -> inputs.add(input(table)));
        }
        ArrayNode outputs = event.putArray("outputs");
        if (withOutputs) {
            outputs.add(output(job, eventType));
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inputs are named by their Hive table, except the CRM source, which is read from Postgres. */
    private static ObjectNode input(Table table) {
        boolean crm = table.name().startsWith("crm.");
        ObjectNode input = dataset(crm ? POSTGRES : HIVE, table.name());
        ObjectNode facets = input.putObject("facets");
        schema(facets, table);
        ObjectNode source = facet(facets, "dataSource", "DatasourceDatasetFacet");
        source.put("name", crm ? POSTGRES : HIVE);
        source.put("uri", crm ? POSTGRES : HIVE);
        return input;
    }

    /**
     * Outputs are named by their S3 location with the Hive table as a symlink, as Spark reports them;
     * Provenant keeps the table as the dataset and the location as its alias.
     */
    private ObjectNode output(Job job, String eventType) {
        Table table = job.output();
        ObjectNode output = dataset(S3, table.location());
        ObjectNode facets = output.putObject("facets");
        schema(facets, table);
        ArrayNode identifiers = facet(facets, "symlinks", "SymlinksDatasetFacet").putArray("identifiers");
        ObjectNode symlink = identifiers.addObject();
        symlink.put("namespace", HIVE);
        symlink.put("name", table.name());
        symlink.put("type", "TABLE");
        if ("COMPLETE".equals(eventType)) {
            columnLineage(facets, job);
        }
        ObjectNode statistics = facet(output.putObject("outputFacets"), "outputStatistics", "OutputStatisticsOutputDatasetFacet");
        statistics.put("rowCount", 1_000 + random.nextInt(5_000_000));
        statistics.put("size", 10_000 + random.nextInt(500_000_000));
        return output;
    }

    /** Each output column comes from the same-named column of an input, else it aggregates the first input's first column. */
    private static void columnLineage(ObjectNode facets, Job job) {
        ObjectNode fields = facet(facets, "columnLineage", "ColumnLineageDatasetFacet").putObject("fields");
        for (String column : job.output().columns()) {
            Table from = job.inputs().stream().filter(t -> t.columns().contains(column)).findFirst().orElse(null);
            boolean identity = from != null;
            Table source = identity ? from : job.inputs().get(0);
            ObjectNode inputField = fields.putObject(column).putArray("inputFields").addObject();
            inputField.put("namespace", source.name().startsWith("crm.") ? POSTGRES : HIVE);
            inputField.put("name", source.name());
            inputField.put("field", identity ? column : source.columns().get(0));
            ObjectNode transformation = inputField.putArray("transformations").addObject();
            transformation.put("type", "DIRECT");
            transformation.put("subtype", identity ? "IDENTITY" : "AGGREGATION");
            transformation.put("masking", false);
        }
    }

    private static ObjectNode dataset(String namespace, String name) {
        ObjectNode dataset = JSON.createObjectNode();
        dataset.put("namespace", namespace);
        dataset.put("name", name);
        return dataset;
    }

    private static void schema(ObjectNode facets, Table table) {
        ArrayNode fields = facet(facets, "schema", "SchemaDatasetFacet").putArray("fields");
        for (String column : table.columns()) {
            ObjectNode field = fields.addObject();
            field.put("name", column);
            field.put("type", columnType(column));
        }
    }

    private static String columnType(String column) {
        if (column.endsWith("_at")) {
            return "timestamp";
        }
        if (column.equals("id") || column.endsWith("_id")) {
            return "bigint";
        }
        return column.equals("amount") ? "decimal(18,2)" : "string";
    }

    private static ObjectNode facet(ObjectNode facets, String name, String type) {
        ObjectNode facet = facets.putObject(name);
        facet.put("_producer", "https://github.com/OpenLineage/OpenLineage/tree/1.26.0/integration/spark");
        facet.put("_schemaURL", FACET_SCHEMA + type + ".json#/$defs/" + type);
        return facet;
    }

    /**
     * Sources are CRM tables; each job reads one to three tables and writes one. Several jobs write the
     * same mart table, and marts feed later jobs, so the graph is a shared, layered pipeline.
     */
    private static List<Job> jobs(Random random) {
        List<String> columns = List.of("id", "customer_id", "order_id", "amount", "currency", "country", "email",
                "status", "created_at", "updated_at");
        List<Table> tables = new ArrayList<>();
        for (String source : List.of("customers", "orders", "payments", "refunds", "shipments", "products")) {
            tables.add(new Table("crm.public." + source, pick(random, columns, 5)));
        }
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            boolean spark = i % 3 != 2;
            Table output = new Table((i < 12 ? "staging.stg_" : "mart.fct_") + (i % 8), pick(random, columns, 6));
            List<Table> inputs = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            while (inputs.size() < count) {
                Table candidate = tables.get(random.nextInt(tables.size()));
                if (!inputs.contains(candidate) && !candidate.name().equals(output.name())) {
                    inputs.add(candidate);
                }
            }
            // Two jobs writing one table report the same schema, as one table has one schema.
            Table known = tables.stream().filter(t -> t.name().equals(output.name())).findFirst().orElse(null);
            Table written = known != null ? known : output;
            if (known == null) {
                tables.add(output);
            }
            jobs.add(new Job(spark ? "spark-prod" : "dbt-analytics", (spark ? "etl." : "models.") + "job_" + i,
                    spark ? "https://github.com/OpenLineage/OpenLineage/tree/1.26.0/integration/spark"
                            : "https://github.com/OpenLineage/openlineage/tree/1.26.0/integration/dbt",
                    List.copyOf(inputs), written));
        }
        return List.copyOf(jobs);
    }

    private static List<String> pick(Random random, List<String> from, int count) {
        List<String> shuffled = new ArrayList<>(from);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, count));
    }
}
