package dev.provenant.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.bench.Report.Target;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;

/**
 * Issue 4's lineage suite: a fresh server per graph size, a {@link SyntheticLineageGraph} bulk-loaded over
 * Bolt, then sequential {@code GET /api/v1/lineage} calls at depth 3, 10 and 20, upstream and downstream,
 * for datasets and fields (default maxNodes 2000), reporting p50/p99 latency, the fraction of answers
 * with isPartial and their size. The baseline is the naive design: one unbounded-width variable-length
 * Cypher query per request, straight through the driver, on the same start nodes.
 */
public final class LineageSuite implements BenchSuite {

    private static final long SEED = 20261125L;
    private static final int[] DEPTHS = {3, 10, 20};
    private static final String[] DIRECTIONS = {"UPSTREAM", "DOWNSTREAM"};
    private static final String[] TYPES = {"dataset", "field"};
    private static final int TARGET_SIZE = 1_000_000;
    private static final Map<Integer, Double> TARGET_P99_MS = Map.of(3, 75.0, 10, 300.0, 20, 500.0);
    private static final double SEARCH_TARGET_P99_MS = 50;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String name() {
        return "lineage";
    }

    @Override
    public Report run(BenchContext context) throws Exception {
        // The full run measures the target size first, so a long run has its main figure early.
        List<Integer> sizes = context.quick() ? List.of(100_000) : List.of(1_000_000, 100_000);
        int queries = context.pick(15, 100);
        int baselineQueries = context.pick(5, 20);
        Report report = new Report(name());
        report.put("date", Machine.date()).put("machine", Machine.describe()).put("java", Machine.javaVersion());
        report.put("queries_per_cell", queries).put("max_nodes", 2000);
        StringBuilder table = new StringBuilder();
        table.append("| graph | type | direction | depth | p50 ms | p99 ms | isPartial | mean nodes | target p99 |\n");
        table.append("|---|---|---|---:|---:|---:|---:|---:|---|\n");
        for (int size : sizes) {
            String label = size >= 1_000_000 ? "1e6" : "1e5";
            System.out.printf("%n== lineage graph of about %,d nodes ==%n", size);
            SyntheticLineageGraph graph = new SyntheticLineageGraph(size, SEED);
            try (ServerProcess server = ServerProcess.start(context, "lineage-" + label, context.jfr());
                    Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none(),
                            Config.builder().withMaxTransactionRetryTime(60, TimeUnit.SECONDS).build())) {
                long started = System.nanoTime();
                SyntheticLineageGraph.Counts counts = graph.load(driver, 10_000,
                        line -> System.out.printf("%s (%.0f s)%n", line, (System.nanoTime() - started) / 1e9));
                double loadSeconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("loaded %,d nodes and %,d relationships in %.1f s%n", counts.nodes(),
                        counts.relationships(), loadSeconds);
                report.put("graph_" + label, counts.asMap());
                report.row("Graph " + label + ": nodes loaded", "n" + label + "_nodes", counts.nodes(), "");
                report.row("Graph " + label + ": bulk load (Bolt, UNWIND batches)", "n" + label + "_load_s",
                        Report.round(loadSeconds, 1), "s");

                // Warm-up: JIT and page cache, not recorded.
                SplittableRandom warm = new SplittableRandom(SEED + 1);
                for (int i = 0; i < context.pick(40, 200); i++) {
                    query(server, graph, warm, TYPES[i % 2], DIRECTIONS[(i / 2) % 2], DEPTHS[(i / 4) % 3]);
                }
                Map<String, Latencies> upstreamDataset = new LinkedHashMap<>();
                for (String type : TYPES) {
                    for (String direction : DIRECTIONS) {
                        for (int depth : DEPTHS) {
                            SplittableRandom random = new SplittableRandom(SEED + depth * 31L + direction.hashCode()
                                    + type.hashCode());
                            Latencies latencies = new Latencies();
                            int partial = 0;
                            long nodes = 0;
                            for (int i = 0; i < queries; i++) {
                                Answer answer = query(server, graph, random, type, direction, depth);
                                latencies.add(answer.nanos());
                                partial += answer.partial() ? 1 : 0;
                                nodes += answer.nodes();
                            }
                            String key = "n" + label + "_" + type + "_" + direction.substring(0, 2).toLowerCase()
                                    + "_d" + depth;
                            double p50 = Report.round(latencies.percentileMs(0.5), 1);
                            double p99 = Report.round(latencies.percentileMs(0.99), 1);
                            double partialFraction = Report.round((double) partial / queries, 2);
                            double meanNodes = Report.round((double) nodes / queries, 0);
                            Target target = size == TARGET_SIZE ? Target.atMost(TARGET_P99_MS.get(depth)) : null;
                            report.put(key + "_p50_ms", p50);
                            report.row("Graph " + label + ", " + type + " " + direction.toLowerCase() + " depth "
                                    + depth + ": p99", key + "_p99_ms", p99, "ms", target);
                            report.put(key + "_partial_fraction", partialFraction);
                            report.put(key + "_mean_nodes", meanNodes);
                            table.append("| ").append(label).append(" | ").append(type).append(" | ")
                                    .append(direction).append(" | ").append(depth).append(" | ").append(p50)
                                    .append(" | ").append(p99).append(" | ").append(partialFraction).append(" | ")
                                    .append(meanNodes).append(" | ")
                                    .append(target == null ? "" : "<= " + TARGET_P99_MS.get(depth) + (target.met(p99)
                                            ? " met" : " **missed**"))
                                    .append(" |\n");
                            System.out.printf("%s %s %s depth %d: p50 %.1f ms, p99 %.1f ms, partial %.2f, nodes %.0f%n",
                                    label, type, direction, depth, p50, p99, partialFraction, meanNodes);
                            if (type.equals("dataset") && direction.equals("UPSTREAM")) {
                                upstreamDataset.put("d" + depth, latencies);
                            }
                        }
                    }
                }
                baseline(report, label, driver, graph, baselineQueries, upstreamDataset);
                search(report, label, server, graph, queries);
            }
            // A long full run keeps what it measured so far, whatever happens to the next graph.
            Files.writeString(context.outDir().resolve("lineage.md"), table.toString());
            report.writeJson(context.outDir().resolve("lineage-partial.json"));
        }
        report.put("summary_markdown", table.toString());
        Files.writeString(context.outDir().resolve("lineage.md"), table.toString());
        System.out.println();
        System.out.println(table);
        return report;
    }

    private record Answer(long nanos, boolean partial, int nodes) {}

    /**
     * Upstream starts deep in the estate (or at a chain's end), downstream starts near the raw tables (a
     * supernode every tenth time, a chain's start every fifth): where long walks and caps happen.
     */
    private Answer query(ServerProcess server, SyntheticLineageGraph graph, SplittableRandom random, String type,
            String direction, int depth) throws IOException, InterruptedException {
        SyntheticLineageGraph.DatasetRef start;
        int pick = random.nextInt(10);
        boolean upstream = direction.equals("UPSTREAM");
        if (pick < 2) {
            start = graph.chainDataset(random.nextInt(graph.chains()), upstream ? graph.chainLength() : 0);
        } else if (!upstream && pick == 2) {
            start = graph.supernode(random.nextInt(1000));
        } else {
            start = upstream ? graph.deepDataset(random, graph.layers() / 2) : graph.shallowDataset(random, 1);
        }
        StringBuilder path = new StringBuilder("/api/v1/lineage?type=").append(type)
                .append("&namespace=").append(enc(start.namespace())).append("&name=").append(enc(start.name()))
                .append("&direction=").append(direction).append("&depth=").append(depth);
        if (type.equals("field")) {
            path.append("&field=").append(enc(start.field(random.nextInt(8))));
        }
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response = get(server, path.toString());
        long nanos = System.nanoTime() - t0;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        JsonNode body = json.readTree(response.body());
        return new Answer(nanos, body.path("isPartial").asBoolean(), body.path("nodes").size());
    }

    /**
     * The naive design on the same database: one variable-length pattern per request, deduplicated and
     * capped at 2000 nodes like the API, with a 10 s transaction timeout (a timeout counts as 10 s).
     */
    private void baseline(Report report, String label, Driver driver, SyntheticLineageGraph graph, int queries, Map<String, Latencies> provenant) {
        for (int depth : new int[] {3, 10}) {
            String cypher = "MATCH (s:Dataset {namespace: $namespace, name: $name}) "
                    + "MATCH (n)-[:INPUT_TO|OUTPUTS*1.." + depth + "]->(s) RETURN DISTINCT n LIMIT 2000";
            SplittableRandom random = new SplittableRandom(SEED + depth);
            Latencies latencies = new Latencies();
            int timeouts = 0;
            try (Session session = driver.session()) {
                for (int i = 0; i < queries; i++) {
                    SyntheticLineageGraph.DatasetRef start = graph.deepDataset(random, graph.layers() / 2);
                    long t0 = System.nanoTime();
                    try {
                        session.executeRead(tx -> tx.run(cypher, Map.of("namespace", start.namespace(),
                                "name", start.name())).list(), TransactionConfig.builder()
                                        .withTimeout(Duration.ofSeconds(10)).build());
                        latencies.add(System.nanoTime() - t0);
                    } catch (RuntimeException e) {
                        timeouts++;
                        latencies.add(Duration.ofSeconds(10).toNanos());
                    }
                }
            }
            double p99 = Report.round(latencies.percentileMs(0.99), 1);
            double ours = provenant.get("d" + depth).percentileMs(0.99);
            report.row("Graph " + label + ", baseline (one variable-length query) dataset upstream depth " + depth
                    + ": p99", "n" + label + "_baseline_up_d" + depth + "_p99_ms", p99, "ms");
            report.put("n" + label + "_baseline_up_d" + depth + "_timeouts", timeouts);
            report.row("Graph " + label + ", ratio baseline p99 / Provenant p99, depth " + depth,
                    "n" + label + "_ratio_baseline_to_provenant_d" + depth, Report.round(p99 / ours, 2), "");
            System.out.printf("%s baseline upstream depth %d: p99 %.1f ms (%d timeouts)%n", label, depth, p99, timeouts);
        }
    }

    /** Search p99 when {@code /api/v1/search} exists; a clearly marked row otherwise. */
    private void search(Report report, String label, ServerProcess server, SyntheticLineageGraph graph, int queries)
            throws IOException, InterruptedException {
        String key = "n" + label + "_search_p99_ms";
        HttpResponse<byte[]> probe = get(server, "/api/v1/search?q=table_1");
        if (probe.statusCode() == 404 || probe.statusCode() == 405) {
            report.row("Graph " + label + ", search p99", key, "n/a — not merged", "");
            return;
        }
        SplittableRandom random = new SplittableRandom(SEED + 7);
        Latencies latencies = new Latencies();
        for (int i = 0; i < queries * 2; i++) {
            String q = switch (i % 3) {
                case 0 -> "table_" + random.nextInt(graph.datasetCount());
                case 1 -> "task_" + random.nextInt(1000);
                default -> "col_" + random.nextInt(8);
            };
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = get(server, "/api/v1/search?q=" + enc(q));
            latencies.add(System.nanoTime() - t0);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("search " + q + " answered " + response.statusCode());
            }
        }
        report.put("n" + label + "_search_p50_ms", Report.round(latencies.percentileMs(0.5), 1));
        report.row("Graph " + label + ", search p99", key, Report.round(latencies.percentileMs(0.99), 1), "ms",
                label.equals("1e6") ? Target.atMost(SEARCH_TARGET_P99_MS) : null);
    }

    private HttpResponse<byte[]> get(ServerProcess server, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + ServerProcess.ADMIN_TOKEN)
                .GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
