package dev.provenant.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Synthetic but realistic OpenLineage RunEvents, deterministic in their sequence number: a fixed
 * estate of jobs that read raw tables and each other's outputs (a DAG), runs that send START then
 * COMPLETE, schema, columnLineage and statistics facets as the Airflow and Spark integrations send
 * them. The same sequence number always gives the same bytes, so a baseline and the server can be fed
 * the same events.
 */
public final class EventGenerator {

    /** The event shapes of issue 10. {@code padToBytes} > 0 grows the event with a Spark logical plan. */
    public record Profile(String name, String integration, String jobNamespace, String datasetNamespace, int jobs,
            int rawTables, int inputs, int outputs, int fields, int padToBytes) {}

    /** 1 job per event, 2 inputs, 1 output, 10-field schemas, 10 column-lineage edges; about 4 KB. */
    public static final Profile S = new Profile("S", "AIRFLOW", "airflow-prod", "postgres://warehouse:5432", 200, 400,
            2, 1, 10, 0);
    /** 10 inputs, 5 outputs, 100 fields each, column lineage for every output field; about 100 KB. */
    public static final Profile M = new Profile("M", "SPARK", "spark-prod", "s3://lake", 50, 300, 10, 5, 100, 0);
    /** 20 inputs and 10 outputs of 1,000 fields, full column lineage, and a Spark plan up to 25 MiB. */
    public static final Profile L = new Profile("L", "SPARK", "spark-big", "s3://lake-big", 5, 40, 20, 10, 1000,
            25 * 1024 * 1024);

    private static final String[] COLUMNS = {"customer_id", "email", "first_name", "last_name", "phone", "birth_date",
        "country", "city", "postal_code", "order_id", "order_date", "amount", "currency", "status", "product_id",
        "quantity", "discount", "channel", "created_at", "updated_at", "ip_address", "session_id", "device",
        "campaign_id", "revenue"};
    private static final String[] DOMAINS = {"customers", "orders", "payments", "sessions", "products", "campaigns",
        "invoices", "shipments", "refunds", "subscriptions"};
    private static final Instant EPOCH = Instant.parse("2025-06-01T00:00:00Z");
    private static final String SPEC = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent";
    private static final String FACETS = "https://openlineage.io/spec/facets/";

    private final Profile profile;
    private final String producer;
    private final long runSeed;

    public EventGenerator(Profile profile) {
        this.profile = profile;
        this.producer = profile.integration().equals("AIRFLOW")
                ? "https://github.com/apache/airflow/tree/providers-openlineage/1.14.0"
                : "https://github.com/OpenLineage/OpenLineage/tree/1.39.0/integration/spark";
        this.runSeed = 0x0196_0000_0000_7000L | profile.name().charAt(0);
    }

    public Profile profile() {
        return profile;
    }

    /** The run an event belongs to: events 2k (START) and 2k+1 (COMPLETE) share run k. */
    public String runId(long sequence) {
        return new UUID(runSeed, 0x8000_0000_0000_0000L | (sequence / 2)).toString();
    }

    public byte[] event(long sequence) {
        return eventJson(sequence).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code count} consecutive events as NDJSON, the body of a batch request. */
    public byte[] ndjson(long firstSequence, int count) {
        StringBuilder out = new StringBuilder(count * 4200);
        for (int i = 0; i < count; i++) {
            out.append(eventJson(firstSequence + i)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    String eventJson(long sequence) {
        long run = sequence / 2;
        boolean complete = sequence % 2 == 1;
        int job = (int) (run % profile.jobs());
        Instant time = EPOCH.plusMillis(run * 1000 + (complete ? 600 : 0));
        StringBuilder head = new StringBuilder(8192);
        head.append("{\"eventType\":\"").append(complete ? "COMPLETE" : "START").append("\",\"eventTime\":\"")
                .append(time).append("\",\"producer\":\"").append(producer).append("\",\"schemaURL\":\"").append(SPEC)
                .append("\",\"run\":{\"runId\":\"").append(runId(sequence)).append("\",\"facets\":{");
        facetHead(head, "nominalTime", "NominalTimeRunFacet", "1-0-1");
        head.append(",\"nominalStartTime\":\"").append(EPOCH.plusSeconds(run * 60)).append("\"},");
        facetHead(head, "processing_engine", "ProcessingEngineRunFacet", "1-1-1");
        head.append(profile.integration().equals("AIRFLOW")
                ? ",\"name\":\"Airflow\",\"version\":\"2.10.3\",\"openlineageAdapterVersion\":\"1.14.0\"}"
                : ",\"name\":\"spark\",\"version\":\"3.5.3\",\"openlineageAdapterVersion\":\"1.39.0\"}");
        StringBuilder tail = new StringBuilder(profile.fields() * 400);
        tail.append("}},\"job\":{\"namespace\":\"").append(profile.jobNamespace()).append("\",\"name\":\"")
                .append(jobName(job)).append("\",\"facets\":{");
        facetHead(tail, "jobType", "JobTypeJobFacet", "2-0-3");
        tail.append(",\"processingType\":\"BATCH\",\"integration\":\"").append(profile.integration())
                .append("\",\"jobType\":\"").append(profile.integration().equals("AIRFLOW") ? "TASK" : "JOB").append("\"}}}");
        tail.append(",\"inputs\":[");
        for (int k = 0; k < profile.inputs(); k++) {
            if (k > 0) {
                tail.append(',');
            }
            dataset(tail, inputTable(job, k), false, false);
        }
        tail.append("],\"outputs\":[");
        for (int o = 0; o < profile.outputs(); o++) {
            if (o > 0) {
                tail.append(',');
            }
            dataset(tail, outputTable(job, o), true, complete);
        }
        tail.append("]}");
        if (profile.padToBytes() <= 0) {
            return head.append(tail).toString();
        }
        int missing = profile.padToBytes() - head.length() - tail.length() - 2;
        head.append(',');
        logicalPlan(head, missing);
        return head.append(tail).toString();
    }

    private String jobName(int job) {
        return profile.integration().equals("AIRFLOW")
                ? DOMAINS[job % DOMAINS.length] + "_daily.transform_" + job
                : "etl_" + DOMAINS[job % DOMAINS.length] + "_" + job + ".execute_insert_into_hadoop_fs_relation_command";
    }

    /** Raw tables for even slots; odd slots read an upstream job's output, which keeps the estate a DAG. */
    private String inputTable(int job, int k) {
        if (k % 2 == 1 && job > 0) {
            int upstream = (job * 31 + k * 7) % job;
            return outputTable(upstream, k % profile.outputs());
        }
        int raw = (job * 7 + k * 13) % profile.rawTables();
        return "raw." + DOMAINS[raw % DOMAINS.length] + "_src_" + raw;
    }

    private String outputTable(int job, int o) {
        return "mart." + DOMAINS[(job + o) % DOMAINS.length] + "_j" + job + "_o" + o;
    }

    /** The schema of a table depends only on its name, so every event that mentions it agrees. */
    private String field(String table, int i) {
        int seed = table.hashCode() & 0x7fffffff;
        if (profile.fields() <= COLUMNS.length) {
            return COLUMNS[(seed + i) % COLUMNS.length];
        }
        return COLUMNS[(seed + i) % COLUMNS.length] + (i < COLUMNS.length ? "" : "_" + (i / COLUMNS.length));
    }

    private static String type(String field) {
        if (field.endsWith("_id") || field.contains("_id_")) {
            return "BIGINT";
        }
        if (field.contains("date") || field.contains("_at")) {
            return "TIMESTAMP";
        }
        if (field.startsWith("amount") || field.startsWith("revenue") || field.startsWith("discount")) {
            return "DECIMAL(18,2)";
        }
        return field.startsWith("quantity") ? "INTEGER" : "VARCHAR";
    }

    /** An input or output dataset; outputs carry column lineage, and row statistics once complete. */
    private void dataset(StringBuilder out, String table, boolean output, boolean stats) {
        out.append("{\"namespace\":\"").append(profile.datasetNamespace()).append("\",\"name\":\"").append(table)
                .append("\",\"facets\":{");
        facetHead(out, "schema", "SchemaDatasetFacet", "1-1-1");
        out.append(",\"fields\":[");
        for (int i = 0; i < profile.fields(); i++) {
            String name = field(table, i);
            out.append(i == 0 ? "" : ",").append("{\"name\":\"").append(name).append("\",\"type\":\"")
                    .append(type(name)).append("\"}");
        }
        out.append("]}");
        if (output) {
            columnLineage(out, table);
        }
        out.append('}');
        if (stats) {
            out.append(",\"outputFacets\":{");
            facetHead(out, "outputStatistics", "OutputStatisticsOutputDatasetFacet", "1-0-2");
            out.append(",\"rowCount\":").append(1000 + (table.hashCode() & 0xffff)).append(",\"size\":")
                    .append(64_000 + (table.hashCode() & 0xfffff)).append("}}");
        }
        out.append('}');
    }

    /** Every output field comes from one input field: DIRECT, IDENTITY when the name is kept. */
    private void columnLineage(StringBuilder out, String table) {
        int job = jobOf(table);
        int o = table.charAt(table.length() - 1) - '0';
        out.append(',');
        facetHead(out, "columnLineage", "ColumnLineageDatasetFacet", "1-2-0");
        out.append(",\"fields\":{");
        for (int i = 0; i < profile.fields(); i++) {
            int k = (o + i) % profile.inputs();
            String input = inputTable(job, k);
            String from = field(input, i);
            String to = field(table, i);
            boolean masked = from.startsWith("email") && job % 3 == 0;
            String subtype = masked || !from.equals(to) ? "TRANSFORMATION" : "IDENTITY";
            out.append(i == 0 ? "" : ",").append('"').append(to).append("\":{\"inputFields\":[{\"namespace\":\"")
                    .append(profile.datasetNamespace()).append("\",\"name\":\"").append(input).append("\",\"field\":\"")
                    .append(from).append("\",\"transformations\":[{\"type\":\"DIRECT\",\"subtype\":\"").append(subtype)
                    .append('"').append(masked ? ",\"masking\":true" : "").append("}]}]}");
        }
        out.append("}}");
    }

    private static int jobOf(String table) {
        int j = table.lastIndexOf("_j");
        return Integer.parseInt(table.substring(j + 2, table.lastIndexOf("_o")));
    }

    /** A Spark logical plan facet of about {@code bytes}, the usual reason for a very large event. */
    private void logicalPlan(StringBuilder out, int bytes) {
        int start = out.length();
        facetHead(out, "spark.logicalPlan", "SparkLogicalPlanFacet", "1-0-0");
        out.append(",\"plan\":[");
        int node = 0;
        while (out.length() - start < bytes - 300) {
            out.append(node == 0 ? "" : ",").append("{\"class\":\"org.apache.spark.sql.catalyst.plans.logical.Project\"")
                    .append(",\"num-children\":1,\"projectList\":[[{\"class\":")
                    .append("\"org.apache.spark.sql.catalyst.expressions.AttributeReference\",\"num-children\":0,")
                    .append("\"name\":\"").append(COLUMNS[node % COLUMNS.length]).append("\",\"dataType\":\"string\",")
                    .append("\"nullable\":true,\"exprId\":{\"id\":").append(node).append(",\"jvmId\":\"")
                    .append("7f1c2a9e-3b4d-4c5e-8f60-1a2b3c4d5e6f\"},\"qualifier\":[]}]],\"child\":0}");
            node++;
        }
        out.append("]}");
    }

    private void facetHead(StringBuilder out, String name, String schema, String version) {
        out.append('"').append(name).append("\":{\"_producer\":\"").append(producer).append("\",\"_schemaURL\":\"")
                .append(FACETS).append(version).append('/').append(schema).append(".json#/$defs/").append(schema)
                .append('"');
    }
}
