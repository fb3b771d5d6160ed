package dev.provenant.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * {@code bench/run ui}: how long the server takes to answer the lineage page of a 2,000-node lineage
 * (traversal, ELK layered layout, SVG and HTML), next to the JSON API's traversal alone. The estate is a
 * DAG of 1,000 jobs, each reading one or two earlier datasets and writing its own, all downstream of one
 * root dataset: 2,001 nodes within depth 20.
 */
public final class UiSuite implements BenchSuite {

    static final int JOBS = 1000;
    static final String NS = "bench-ui";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public String name() {
        return "ui";
    }

    @Override
    public Report run(BenchContext context) throws Exception {
        Report report = new Report(name());
        try (ServerProcess server = ServerProcess.start(context, name(), context.jfr())) {
            String base = server.baseUrl();
            StringBuilder batch = new StringBuilder();
            for (int i = 1; i <= JOBS; i++) {
                int a = (i - 1) / 3;
                int b = (i - 1) / 5;
                batch.append(event(i, a == b ? new int[] {a} : new int[] {a, b})).append('\n');
                if (i % 200 == 0) {
                    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/lineage/batch"))
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofString(batch.toString())));
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("batch refused: " + r.statusCode() + " " + r.body());
                    }
                    batch.setLength(0);
                }
            }
            String query = "type=dataset&namespace=" + NS + "&name=d0&direction=downstream&depth=20&maxNodes=2100";
            String page = base + "/lineage?" + query;
            String api = base + "/api/v1/lineage?" + query.replace("direction=downstream", "direction=DOWNSTREAM");

            long cold = System.nanoTime();
            HttpResponse<String> first = get(page);
            double coldMs = (System.nanoTime() - cold) / 1e6;
            int nodes = count(first.body(), "<g class=\"node ");
            int edges = count(first.body(), "<g class=\"edge");
            int warmup = context.pick(3, 5);
            int runs = context.pick(5, 15);
            for (int i = 0; i < warmup; i++) {
                get(page);
                get(api);
            }
            Latencies pageTimes = new Latencies();
            Latencies apiTimes = new Latencies();
            long bytes = 0;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = get(page);
                pageTimes.add(System.nanoTime() - t0);
                bytes = r.body().getBytes(StandardCharsets.UTF_8).length;
                long t1 = System.nanoTime();
                get(api);
                apiTimes.add(System.nanoTime() - t1);
            }
            report.put("runs", runs);
            report.row("Nodes drawn on the page", "nodes", nodes, "");
            report.row("Edges drawn on the page", "edges", edges, "");
            report.row("Lineage page (2,000 nodes), p50", "page_p50_ms", Report.round(pageTimes.percentileMs(0.5), 0),
                    "ms", Report.Target.atMost(1000));
            report.row("Lineage page (2,000 nodes), max", "page_max_ms", Report.round(pageTimes.percentileMs(1.0), 0),
                    "ms");
            report.row("JSON lineage API, same query, p50", "api_p50_ms", Report.round(apiTimes.percentileMs(0.5), 0),
                    "ms");
            report.row("Page size", "page_kib", Report.round(bytes / 1024.0, 0), "KiB");
            report.row("First (cold) page", "page_cold_ms", Report.round(coldMs, 0), "ms");
        }
        return report;
    }

    private static String event(int job, int[] inputs) {
        StringBuilder in = new StringBuilder();
        for (int input : inputs) {
            in.append(in.isEmpty() ? "" : ",").append("{\"namespace\":\"" + NS + "\",\"name\":\"d" + input + "\"}");
        }
        return "{\"eventType\":\"COMPLETE\",\"eventTime\":\"2026-01-01T00:00:00Z\",\"producer\":\"https://example.com/bench\","
                + "\"run\":{\"runId\":\"" + UUID.nameUUIDFromBytes(("ui" + job).getBytes(StandardCharsets.UTF_8))
                + "\"},\"job\":{\"namespace\":\"" + NS + "\",\"name\":\"j" + job + "\"},\"inputs\":[" + in
                + "],\"outputs\":[{\"namespace\":\"" + NS + "\",\"name\":\"d" + job + "\"}]}";
    }

    private HttpResponse<String> get(String url) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + ServerProcess.ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
