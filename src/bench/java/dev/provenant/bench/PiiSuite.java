package dev.provenant.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.bench.Report.Target;
import dev.provenant.bench.SyntheticLineageGraph.DatasetRef;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * Issue 5's PII suite on the {@link SyntheticLineageGraph} estate (1e6 nodes; 1e5 with {@code --quick}):
 * steward declarations on 2 % of the raw tables (e-mail and name columns, a supernode among them), then
 * <ol>
 * <li>a full recompute ({@code POST /api/v1/pii/recompute}), timed until {@code /api/v1/pii/status} is
 * idle, twice (cold, then warm);
 * <li>incremental updates: OpenLineage COMPLETE events through {@code POST /api/v1/lineage}, one at a
 * time, of three kinds: 45 % re-runs of estate jobs that report their lineage as loaded (the common case),
 * 45 % new jobs that read two estate tables (a declared one half the time) and write a new one, 10 %
 * re-runs whose column lineage lost an edge (a changed job: everything downstream of its outputs is
 * recomputed). Each is timed two ways: from the moment ingest committed the event and handed its changes
 * over until the verdicts are stored (the server's {@code lastUpdateLagMillis}: queueing and propagation,
 * the figure the target is about), and from the request until then (ingest included: its own targets are
 * the ingest suite's);
 * <li>{@code GET /api/v1/pii/dataset} on random datasets.
 * </ol>
 * Every verdict is computed on the server; nothing is asserted on timings.
 */
public final class PiiSuite implements BenchSuite {

    private static final long SEED = 20261203L;
    private static final double INCREMENTAL_TARGET_P99_MS = 100;
    private static final double RECOMPUTE_TARGET_S = 30;
    private static final double DATASET_TARGET_P99_MS = 50;
    private static final Duration UPDATE_TIMEOUT = Duration.ofMinutes(10);
    /** Status polls while waiting for an update; the latency itself comes from the server's lastUpdateAt. */
    private static final long POLL_MILLIS = 10;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String name() {
        return "pii";
    }

    @Override
    public Report run(BenchContext context) throws Exception {
        int size = context.pick(100_000, 1_000_000);
        String label = size >= 1_000_000 ? "1e6" : "1e5";
        boolean targets = size >= 1_000_000;
        int events = context.pick(30, 100);
        int datasetQueries = context.pick(50, 200);
        Report report = new Report(name());
        report.put("date", Machine.date()).put("machine", Machine.describe()).put("java", Machine.javaVersion());
        SyntheticLineageGraph graph = new SyntheticLineageGraph(size, SEED);
        // Every update is a handful of Bolt round trips; on 2 cores the driver's and the server's Bolt paths
        // take a few hundred updates to be compiled (a read transaction: 5 ms after 300, 1 ms after 3,000).
        int warmup = context.pick(20, 300);
        SplittableRandom jobPicks = new SplittableRandom(SEED + 3);
        java.util.LinkedHashSet<Integer> rerunJobs = new java.util.LinkedHashSet<>();
        while (rerunJobs.size() < warmup + events) {
            rerunJobs.add(jobPicks.nextInt(graph.jobCount()));
        }
        graph.record(rerunJobs);
        java.util.Iterator<Integer> nextJob = rerunJobs.iterator();
        try (ServerProcess server = ServerProcess.start(context, "pii-" + label, context.jfr());
                Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none(),
                        Config.builder().withMaxTransactionRetryTime(60, TimeUnit.SECONDS).build())) {
            long started = System.nanoTime();
            SyntheticLineageGraph.Counts counts = graph.load(driver, 10_000,
                    line -> System.out.printf("%s (%.0f s)%n", line, (System.nanoTime() - started) / 1e9));
            int declared = declare(driver, graph);
            System.out.printf("loaded %,d nodes, %,d relationships, %,d declared fields in %.0f s%n", counts.nodes(),
                    counts.relationships(), declared, (System.nanoTime() - started) / 1e9);
            report.put("graph", counts.asMap()).put("declared_fields", declared);
            report.row("Graph " + label + ": nodes", "n" + label + "_nodes", counts.nodes(), "");

            // 1. Full recompute, cold then warm.
            for (String run : List.of("cold", "warm")) {
                long before = status(server).path("updates").asLong();
                Instant t0 = Instant.now();
                send(server, "POST", "/api/v1/pii/recompute", null);
                JsonNode status = awaitIdle(server, before);
                double seconds = sinceNanos(t0, status) / 1e9;
                report.row("Graph " + label + ": full recompute (" + run + ")", "n" + label + "_recompute_" + run
                        + "_s", Report.round(seconds, 1), "s", targets ? Target.atMost(RECOMPUTE_TARGET_S) : null);
                report.put("n" + label + "_recompute_" + run + "_fields_written", status.path("lastWrittenFields").asInt());
                System.out.printf("recompute %s: %.1f s, %d datasets, %d fields written%n", run, seconds,
                        status.path("lastRegionDatasets").asInt(), status.path("lastWrittenFields").asInt());
            }
            report.put("n" + label + "_overview", send(server, "GET", "/api/v1/pii/overview", null).path("counts"));

            // 2. Incremental updates after ingested events.
            SplittableRandom random = new SplittableRandom(SEED + 1);
            Latencies endToEnd = new Latencies();
            Latencies propagation = new Latencies();
            Latencies afterIngest = new Latencies();
            Map<String, Latencies> byKind = new java.util.LinkedHashMap<>();
            Map<String, Long> regionByKind = new java.util.HashMap<>();
            Map<String, Map<String, Integer>> modesByKind = new java.util.TreeMap<>();
            Map<String, Long> writtenByKind = new java.util.HashMap<>();
            List<Map<String, Object>> perEvent = new ArrayList<>();
            long regionSum = 0;
            for (int i = 0; i < warmup + events; i++) {
                int slot = i % 20;
                String kind = slot < 9 ? "repeat" : slot < 18 ? "new" : "changed";
                String event = switch (kind) {
                    case "repeat" -> rerun(graph, nextJob.next(), i, false);
                    case "changed" -> rerun(graph, nextJob.next(), i, true);
                    default -> newJob(graph, random, i);
                };
                long before = status(server).path("updates").asLong();
                Instant t0 = Instant.now();
                send(server, "POST", "/api/v1/lineage", event);
                JsonNode status = awaitIdle(server, before);
                long nanos = sinceNanos(t0, status);
                if (i >= warmup) {
                    endToEnd.add(nanos);
                    byKind.computeIfAbsent(kind, k -> new Latencies()).add(nanos);
                    propagation.add(TimeUnit.MILLISECONDS.toNanos(status.path("lastUpdateMillis").asLong()));
                    afterIngest.add(TimeUnit.MILLISECONDS.toNanos(status.path("lastUpdateLagMillis").asLong()));
                    long region = status.path("lastRegionDatasets").asLong();
                    regionSum += region;
                    regionByKind.merge(kind, region, Long::sum);
                    modesByKind.computeIfAbsent(kind, k -> new java.util.TreeMap<>())
                            .merge(status.path("lastUpdateMode").asText("?"), 1, Integer::sum);
                    writtenByKind.merge(kind, status.path("lastWrittenFields").asLong(), Long::sum);
                    perEvent.add(Map.of("kind", kind, "ms", Report.round(nanos / 1e6, 1),
                            "propagation_ms", status.path("lastUpdateMillis").asLong(),
                            "after_ingest_ms", status.path("lastUpdateLagMillis").asLong(),
                            "mode", status.path("lastUpdateMode").asText("?"), "region", region,
                            "fields_written", status.path("lastWrittenFields").asLong()));
                }
            }
            for (Map.Entry<String, Latencies> kind : byKind.entrySet()) {
                Latencies l = kind.getValue();
                String key = "n" + label + "_incremental_" + kind.getKey();
                report.put(key + "_count", l.count());
                report.put(key + "_p50_ms", Report.round(l.percentileMs(0.5), 1));
                report.put(key + "_mean_region", Report.round((double) regionByKind.get(kind.getKey()) / l.count(), 0));
                report.put(key + "_modes", modesByKind.get(kind.getKey()));
                report.put(key + "_mean_fields_written",
                        Report.round((double) writtenByKind.get(kind.getKey()) / l.count(), 1));
                report.row("Graph " + label + ": incremental, " + kind.getKey() + " events (" + l.count() + "), p99",
                        key + "_p99_ms", Report.round(l.percentileMs(0.99), 1), "ms");
                System.out.printf("incremental %s (%d): p50 %.1f ms, p99 %.1f ms, mean region %d, modes %s, "
                        + "mean fields written %.1f%n", kind.getKey(), l.count(), l.percentileMs(0.5),
                        l.percentileMs(0.99), regionByKind.get(kind.getKey()) / l.count(), modesByKind.get(kind.getKey()),
                        (double) writtenByKind.get(kind.getKey()) / l.count());
            }
            report.put("n" + label + "_incremental_events", perEvent);
            report.put("n" + label + "_incremental_p50_ms", Report.round(endToEnd.percentileMs(0.5), 1));
            report.put("n" + label + "_after_ingest_p50_ms", Report.round(afterIngest.percentileMs(0.5), 1));
            report.row("Graph " + label + ": incremental update after an ingested event, p99 (commit to verdicts stored)",
                    "n" + label + "_after_ingest_p99_ms", Report.round(afterIngest.percentileMs(0.99), 1), "ms",
                    targets ? Target.atMost(INCREMENTAL_TARGET_P99_MS) : null);
            report.row("Graph " + label + ": the same from the POST (ingest included), p99",
                    "n" + label + "_incremental_p99_ms", Report.round(endToEnd.percentileMs(0.99), 1), "ms");
            report.row("Graph " + label + ": propagation alone (server's lastUpdateMillis), p99",
                    "n" + label + "_propagation_p99_ms", Report.round(propagation.percentileMs(0.99), 1), "ms");
            report.put("n" + label + "_propagation_p50_ms", Report.round(propagation.percentileMs(0.5), 1));
            report.row("Graph " + label + ": mean region (datasets read per update)", "n" + label + "_mean_region",
                    Report.round((double) regionSum / events, 0), "");
            System.out.printf("incremental: from the POST p50 %.1f ms, p99 %.1f ms; after ingest p50 %.1f, p99 %.1f; "
                    + "propagation p50 %.1f, p99 %.1f; mean region %d%n", endToEnd.percentileMs(0.5),
                    endToEnd.percentileMs(0.99), afterIngest.percentileMs(0.5), afterIngest.percentileMs(0.99),
                    propagation.percentileMs(0.5), propagation.percentileMs(0.99), regionSum / events);

            // 3. A dataset's PII answer.
            Latencies answers = new Latencies();
            SplittableRandom picks = new SplittableRandom(SEED + 2);
            for (int i = 0; i < 20 + datasetQueries; i++) {
                DatasetRef d = graph.randomDataset(picks);
                long t0 = System.nanoTime();
                send(server, "GET", "/api/v1/pii/dataset?namespace=" + enc(d.namespace()) + "&name=" + enc(d.name()),
                        null);
                if (i >= 20) {
                    answers.add(System.nanoTime() - t0);
                }
            }
            report.put("n" + label + "_dataset_p50_ms", Report.round(answers.percentileMs(0.5), 1));
            report.row("Graph " + label + ": GET /api/v1/pii/dataset p99", "n" + label + "_dataset_p99_ms",
                    Report.round(answers.percentileMs(0.99), 1), "ms",
                    targets ? Target.atMost(DATASET_TARGET_P99_MS) : null);
            report.row("Server RSS at the end", "rss_mb", Report.round(server.rssMb(), 0), "MB");
        }
        Files.writeString(context.outDir().resolve("pii.md"), report.markdown());
        return report;
    }

    /**
     * Steward declarations on every 50th raw table (supernode 0 included, as a customer dimension many
     * jobs join): {@code col_0} holds e-mail addresses, {@code col_1} names. Written as the steward API
     * stores them; the recompute that follows turns them into verdicts.
     */
    private static int declare(Driver driver, SyntheticLineageGraph graph) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int d = 0; d < graph.rawCount(); d += 50) {
            DatasetRef ref = graph.dataset(d);
            rows.add(Map.of("namespace", ref.namespace(), "name", ref.name(), "field", ref.field(0),
                    "categories", List.of("EMAIL")));
            rows.add(Map.of("namespace", ref.namespace(), "name", ref.name(), "field", ref.field(1),
                    "categories", List.of("NAME")));
        }
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    UNWIND $rows AS row
                    MERGE (p:PiiDeclaration {namespace: row.namespace, dataset: row.name, field: row.field})
                    SET p.personal = true, p.categories = row.categories, p.reason = 'benchmark estate',
                        p.declaredBy = 'bench', p.declaredAt = datetime()""", Map.of("rows", rows)).consume());
        }
        return rows.size();
    }

    /**
     * A COMPLETE event re-running estate job {@code id} with the current inputs and column lineage the
     * loader wrote; with {@code dropOne}, its last column lineage edge is missing (the job changed).
     */
    private static String rerun(SyntheticLineageGraph graph, int id, int sequence, boolean dropOne) {
        SyntheticLineageGraph.LoadedLineage loaded = graph.loadedLineage(id);
        List<SyntheticLineageGraph.ColumnEdge> columns = loaded.columns();
        if (dropOne && columns.size() > 1) {
            columns = columns.subList(0, columns.size() - 1);
        }
        return event(graph.jobNamespace(id), graph.jobName(id), sequence, loaded.currentInputs(), graph.jobOutputs(id),
                columns);
    }

    /** A new job reading two estate tables (one of them a declared raw table half the time) into a new table. */
    private static String newJob(SyntheticLineageGraph graph, SplittableRandom random, int sequence) {
        DatasetRef first = random.nextBoolean() ? graph.dataset(50 * random.nextInt(Math.max(1, graph.rawCount() / 50)))
                : graph.randomDataset(random);
        DatasetRef second = graph.randomDataset(random);
        DatasetRef out = new DatasetRef(-1, "s3://bench-pii", "reports.new_table_" + sequence, 4, 99);
        List<SyntheticLineageGraph.ColumnEdge> columns = new ArrayList<>();
        List<DatasetRef> inputs = List.of(first, second);
        for (int f = 0; f < out.fields(); f++) {
            DatasetRef source = inputs.get(f % 2);
            columns.add(new SyntheticLineageGraph.ColumnEdge(source, source.field(f), out, out.field(f), "DIRECT",
                    "IDENTITY", false));
        }
        return event("bench-pii", "reports.job_" + sequence, sequence, inputs, List.of(out), columns);
    }

    private static String event(String jobNamespace, String jobName, int sequence, List<DatasetRef> inputs,
            List<DatasetRef> outputs, List<SyntheticLineageGraph.ColumnEdge> columns) {
        StringBuilder out = new StringBuilder(4096);
        out.append("{\"eventType\":\"COMPLETE\",\"eventTime\":\"")
                .append(Instant.parse("2026-06-01T00:00:00Z").plusSeconds(sequence)).append("\",")
                .append("\"producer\":\"https://github.com/provenant/bench\",")
                .append("\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent\",")
                .append("\"run\":{\"runId\":\"").append(new UUID(SEED, sequence)).append("\"},")
                .append("\"job\":{\"namespace\":\"").append(jobNamespace).append("\",\"name\":\"").append(jobName)
                .append("\"},\"inputs\":[");
        for (int i = 0; i < inputs.size(); i++) {
            DatasetRef in = inputs.get(i);
            out.append(i == 0 ? "" : ",").append("{\"namespace\":\"").append(in.namespace()).append("\",\"name\":\"")
                    .append(in.name()).append("\"}");
        }
        out.append("],\"outputs\":[");
        for (int o = 0; o < outputs.size(); o++) {
            DatasetRef target = outputs.get(o);
            out.append(o == 0 ? "" : ",").append("{\"namespace\":\"").append(target.namespace())
                    .append("\",\"name\":\"").append(target.name()).append("\",\"facets\":{\"schema\":{")
                    .append("\"_producer\":\"https://github.com/provenant/bench\",")
                    .append("\"_schemaURL\":\"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json\",")
                    .append("\"fields\":[");
            for (int f = 0; f < target.fields(); f++) {
                out.append(f == 0 ? "" : ",").append("{\"name\":\"").append(target.field(f)).append("\",\"type\":\"string\"}");
            }
            out.append("]},\"columnLineage\":{\"_producer\":\"https://github.com/provenant/bench\",")
                    .append("\"_schemaURL\":\"https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json\",")
                    .append("\"fields\":{");
            Map<String, List<SyntheticLineageGraph.ColumnEdge>> into = new java.util.LinkedHashMap<>();
            for (SyntheticLineageGraph.ColumnEdge edge : columns) {
                if (edge.to().namespace().equals(target.namespace()) && edge.to().name().equals(target.name())) {
                    into.computeIfAbsent(edge.toField(), k -> new ArrayList<>()).add(edge);
                }
            }
            boolean firstField = true;
            for (Map.Entry<String, List<SyntheticLineageGraph.ColumnEdge>> field : into.entrySet()) {
                out.append(firstField ? "" : ",").append('"').append(field.getKey()).append("\":{\"inputFields\":[");
                firstField = false;
                boolean firstInput = true;
                for (SyntheticLineageGraph.ColumnEdge edge : field.getValue()) {
                    out.append(firstInput ? "" : ",").append("{\"namespace\":\"").append(edge.from().namespace())
                            .append("\",\"name\":\"").append(edge.from().name()).append("\",\"field\":\"")
                            .append(edge.fromField()).append("\",\"transformations\":[{\"type\":\"")
                            .append(edge.type()).append("\",\"subtype\":\"").append(edge.subtype())
                            .append("\",\"masking\":").append(edge.masking()).append("}]}");
                    firstInput = false;
                }
                out.append("]}");
            }
            out.append("}}}}");
        }
        return out.append("]}").toString();
    }

    /** Polls the status until more than {@code updatesBefore} updates ran and nothing is pending. */
    /**
     * From {@code start} until the server finished the update the status reports ({@code lastUpdateAt}, same
     * machine, same clock). Measured this way, the client can poll the status gently: every request is
     * served and written to the access log, and polling every millisecond loaded the very server it timed.
     */
    private static long sinceNanos(Instant start, JsonNode status) {
        Instant done = java.time.OffsetDateTime.parse(status.path("lastUpdateAt").asText()).toInstant();
        return Math.max(0, Duration.between(start, done).toNanos());
    }

    private JsonNode awaitIdle(ServerProcess server, long updatesBefore) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + UPDATE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = status(server);
            if (status.path("idle").asBoolean() && status.path("updates").asLong() > updatesBefore) {
                if (!status.path("lastError").isNull() && !status.path("lastError").isMissingNode()) {
                    throw new IllegalStateException("propagation failed: " + status.path("lastError").asText());
                }
                return status;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException("PII propagation not idle within " + UPDATE_TIMEOUT);
    }

    private JsonNode status(ServerProcess server) throws IOException, InterruptedException {
        return send(server, "GET", "/api/v1/pii/status", null);
    }

    private JsonNode send(ServerProcess server, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + ServerProcess.ADMIN_TOKEN);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json.readTree(response.body().isEmpty() ? "{}" : response.body());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
