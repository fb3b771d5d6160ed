package dev.provenant.bench;

import dev.provenant.bench.LoadRunner.Result;
import dev.provenant.bench.Report.Target;
import dev.provenant.ingest.NaiveIngestBaseline;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 10's ingest suite: the naive one-transaction-per-event baseline, then a fresh server under
 * single-event POSTs at concurrency 1, 8 and 32, batches of 100, profile M and one profile L event,
 * read-after-write visibility, resident memory and time to ready.
 */
public final class IngestSuite implements BenchSuite {

    private static final long PAGE_CACHE_BYTES = 512L * 1024 * 1024; // the server's default
    private static final int BATCH = 100;
    private static final int BATCH_CONCURRENCY = 4;
    private static final int M_SINGLE_CONCURRENCY = 8;
    private static final int M_BATCH_CONCURRENCY = 2;
    /** Profile M batches stay at a few MB per request: 25 events of about 150 KB. */
    private static final int M_BATCH = 25;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public Report run(BenchContext context) throws Exception {
        // The server's JIT is still compiling Neo4j's write path minutes into a run on 2 cores (C2 took a
        // third of the CPU 2 minutes in, docs/benchmarks.md): the full run warms up long enough to
        // report the steady state of a server that has been up for a while.
        Duration warmup = Duration.ofSeconds(context.pick(4, 90));
        Duration phase = Duration.ofSeconds(context.pick(5, 30));
        Duration mPhase = Duration.ofSeconds(context.pick(6, 30));
        long maxOps = 1_000_000;
        int coldStarts = context.pick(1, 3);
        int visibilitySamples = context.pick(30, 200);

        EventGenerator s = new EventGenerator(EventGenerator.S);
        EventGenerator m = new EventGenerator(EventGenerator.M);
        EventGenerator l = new EventGenerator(EventGenerator.L);
        Report report = new Report(name());
        report.put("date", Machine.date()).put("machine", Machine.describe()).put("java", Machine.javaVersion());
        byte[] lEvent = l.event(1);
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("S", s.event(1).length);
        sizes.put("M", m.event(1).length);
        sizes.put("L", lEvent.length);
        report.put("event_bytes", sizes);
        System.out.printf("event sizes: S %,d B, M %,d B, L %,d B%n", sizes.get("S"), sizes.get("M"), lEvent.length);

        // ---- baseline: the naive design, same write path, one transaction per event ------------------
        Path baselineHome = Files.createTempDirectory("provenant-bench-baseline-");
        double baseline;
        Result baseC1;
        Result baseC8;
        try (NaiveIngestBaseline naive = NaiveIngestBaseline.start(baselineHome, PAGE_CACHE_BYTES)) {
            report.put("neo4j", naive.neo4jVersion());
            AtomicLong seq = new AtomicLong();
            LoadRunner.Operation write = n -> naive.ingest(s.event(n)) ? LoadRunner.OK : "duplicate";
            LoadRunner.run("baseline-warmup", 8, 1, maxOps, warmup, seq, write);
            baseC1 = LoadRunner.run("baseline-c1", 1, 1, maxOps, phase, seq, write);
            baseC8 = LoadRunner.run("baseline-c8", 8, 1, maxOps, phase, seq, write);
            baseline = Math.max(baseC1.eventsPerSecond(), baseC8.eventsPerSecond());
        } finally {
            ServerProcess.deleteRecursively(baselineHome);
        }

        // ---- cold starts: a fresh data directory each time; the last server stays up for the load ----
        List<Double> starts = new ArrayList<>();
        ServerProcess server = null;
        for (int i = 0; i < coldStarts; i++) {
            if (server != null) {
                server.close();
            }
            boolean last = i == coldStarts - 1;
            server = ServerProcess.start(context, name(), context.jfr() && last);
            starts.add(server.startToReadySeconds());
            System.out.printf("cold start %d: ready after %.2f s%n", i + 1, server.startToReadySeconds());
        }
        double startToReady = median(starts);
        report.put("start_to_ready_runs_s", starts.stream().map(v -> Report.round(v, 2)).toList());

        try {
            ServerProcess srv = server;
            String base = srv.baseUrl();
            AtomicLong seq = new AtomicLong();
            LoadRunner.Operation single = n -> status(post(base + "/api/v1/lineage", s.event(n), "application/json"), 201);
            LoadRunner.Operation batch = n -> status(post(base + "/api/v1/lineage/batch", s.ndjson(n, BATCH),
                    "application/x-ndjson"), 201);
            srv.resetPeakRss();
            LoadRunner.run("warmup", 8, 1, maxOps, warmup, seq, single);
            LoadRunner.run("warmup-batch", BATCH_CONCURRENCY, BATCH, maxOps, warmup.dividedBy(2), seq, batch);
            Map<String, Object> statements = new LinkedHashMap<>();
            Result c1 = measured(srv, statements, () -> LoadRunner.run("single-c1", 1, 1, maxOps, phase, seq, single));
            Result c8 = measured(srv, statements, () -> LoadRunner.run("single-c8", 8, 1, maxOps, phase, seq, single));
            Result c32 = measured(srv, statements, () -> LoadRunner.run("single-c32", 32, 1, maxOps, phase, seq, single));
            Result b100 = measured(srv, statements, () -> LoadRunner.run("batch100-c" + BATCH_CONCURRENCY,
                    BATCH_CONCURRENCY, BATCH, maxOps, phase, seq, batch));
            double rssS = srv.peakRssMb();

            Latencies visibility = visibility(base, s, seq, visibilitySamples);

            AtomicLong mSeq = new AtomicLong();
            LoadRunner.Operation mSingle = n -> status(post(base + "/api/v1/lineage", m.event(n), "application/json"), 201);
            LoadRunner.Operation mBatch = n -> status(post(base + "/api/v1/lineage/batch", m.ndjson(n, M_BATCH),
                    "application/x-ndjson"), 201);
            srv.resetPeakRss();
            LoadRunner.run("m-warmup", M_SINGLE_CONCURRENCY, 1, maxOps, warmup.dividedBy(2), mSeq, mSingle);
            Result mC8 = measured(srv, statements, () -> LoadRunner.run("m-single-c" + M_SINGLE_CONCURRENCY,
                    M_SINGLE_CONCURRENCY, 1, maxOps, mPhase, mSeq, mSingle));
            Result mB = measured(srv, statements, () -> LoadRunner.run("m-batch" + M_BATCH + "-c" + M_BATCH_CONCURRENCY,
                    M_BATCH_CONCURRENCY, M_BATCH, maxOps, mPhase, mSeq, mBatch));
            double rssM = srv.peakRssMb();

            srv.resetPeakRss();
            long lStart = System.nanoTime();
            String lOutcome = status(post(base + "/api/v1/lineage", lEvent, "application/json"), 201);
            double lSeconds = (System.nanoTime() - lStart) / 1e9;
            double rssL = srv.peakRssMb();
            System.out.printf("profile L (%,d B): %s after %.1f s%n", lEvent.length, lOutcome, lSeconds);

            report.row("Baseline: naive, 1 tx per event, no HTTP (best of c1/c8)", "baseline_events_per_s",
                    round0(baseline), "events/s");
            report.put("baseline_c1_events_per_s", round0(baseC1.eventsPerSecond()));
            report.put("baseline_c8_events_per_s", round0(baseC8.eventsPerSecond()));
            report.put("baseline_c8_p99_ms", Report.round(baseC8.latencies().percentileMs(0.99), 1));
            report.row("Single POST, concurrency 1", "single_c1_events_per_s", round0(c1.eventsPerSecond()), "events/s");
            report.row("Single POST, c1, p50 latency", "single_c1_p50_ms", ms(c1, 0.50), "ms");
            report.row("Single POST, concurrency 8", "single_c8_events_per_s", round0(c8.eventsPerSecond()), "events/s",
                    Target.atLeast(1000));
            report.row("Single POST, c8, p50 latency", "single_c8_p50_ms", ms(c8, 0.50), "ms");
            report.row("Single POST, c8, p99 latency", "single_c8_p99_ms", ms(c8, 0.99), "ms", Target.atMost(50));
            report.row("Single POST, concurrency 32", "single_c32_events_per_s", round0(c32.eventsPerSecond()),
                    "events/s");
            report.row("Single POST, c32, p50 latency", "single_c32_p50_ms", ms(c32, 0.50), "ms");
            report.row("Single POST, c32, p99 latency", "single_c32_p99_ms", ms(c32, 0.99), "ms");
            report.row("Batch POST of 100, " + BATCH_CONCURRENCY + " concurrent", "batch100_events_per_s",
                    round0(b100.eventsPerSecond()), "events/s", Target.atLeast(3000));
            report.row("Batch of 100, p99 latency per request", "batch100_p99_ms", ms(b100, 0.99), "ms");
            report.row("Ratio single c8 / baseline", "ratio_single_c8_to_baseline",
                    Report.round(c8.eventsPerSecond() / baseline, 2), "x", Target.atLeast(1.5));
            report.row("Profile M single POST, c" + M_SINGLE_CONCURRENCY, "profile_m_single_events_per_s",
                    Report.round(mC8.eventsPerSecond(), 1), "events/s", Target.atLeast(150));
            report.row("Profile M batch of " + M_BATCH + ", " + M_BATCH_CONCURRENCY + " concurrent", "profile_m_batch_events_per_s",
                    Report.round(mB.eventsPerSecond(), 1), "events/s", Target.atLeast(400));
            report.row("Profile L (" + Math.round(lEvent.length / (1024.0 * 1024)) + " MiB event) accepted with 201",
                    "profile_l_accepted", LoadRunner.OK.equals(lOutcome), "");
            report.row("Profile L, time to 201", "profile_l_seconds", Report.round(lSeconds, 1), "s");
            report.row("201 to visible in GET /api/v1/runs, p50", "visibility_p50_ms",
                    Report.round(visibility.percentileMs(0.50), 2), "ms");
            report.row("201 to visible in GET /api/v1/runs, p99", "visibility_p99_ms",
                    Report.round(visibility.percentileMs(0.99), 2), "ms");
            report.row("Server RSS, peak under profile S load", "rss_mb", round0(rssS), "MiB", Target.atMost(700));
            report.row("Server RSS, peak under profile M load", "rss_m_mb", round0(rssM), "MiB");
            report.row("Server RSS, peak while taking the L event", "rss_l_mb", round0(rssL), "MiB");
            report.row("Cold start to ready (median of " + starts.size() + ")", "start_to_ready_s",
                    Report.round(startToReady, 2), "s", Target.atMost(10));
            Map<String, Object> phases = new LinkedHashMap<>();
            for (Result r : List.of(baseC1, baseC8, c1, c8, c32, b100, mC8, mB)) {
                phases.put(r.name(), phaseJson(r));
            }
            report.put("phases", phases);
            report.put("statements", statements);
            report.put("profile_l_outcome", lOutcome);
            String serverOpts = System.getenv().getOrDefault("BENCH_SERVER_OPTS", "").strip();
            report.put("server_jvm_options", serverOpts.isEmpty() ? "none: JVM default heap, as the README runs it" : serverOpts);
            report.put("server_alive_at_end", srv.isAlive());
        } finally {
            server.close();
        }
        return report;
    }

    private interface Phase {
        Result run() throws Exception;
    }

    /** Runs a load phase and records where the server's group commits spent their time during it. */
    private Result measured(ServerProcess srv, Map<String, Object> statements, Phase phase) throws Exception {
        StatementTimes before = StatementTimes.scrape(http, srv.baseUrl(), ServerProcess.ADMIN_TOKEN);
        Result result = phase.run();
        Map<String, Object> since = StatementTimes.scrape(http, srv.baseUrl(), ServerProcess.ADMIN_TOKEN).since(before);
        statements.put(result.name(), since);
        System.out.println("  " + StatementTimes.summary(result.name(), since));
        return result;
    }

    /** Posts fresh events one at a time; after each 201, polls the run endpoint until the run is there. */
    private Latencies visibility(String base, EventGenerator events, AtomicLong seq, int samples) throws Exception {
        Latencies latencies = new Latencies();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int i = 0; i < samples && System.nanoTime() < deadline; i++) {
            long n = seq.getAndIncrement();
            String outcome = status(post(base + "/api/v1/lineage", events.event(n), "application/json"), 201);
            if (!LoadRunner.OK.equals(outcome)) {
                continue;
            }
            long accepted = System.nanoTime();
            HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/api/v1/runs?runId="
                    + URLEncoder.encode(events.runId(n), StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + ServerProcess.ADMIN_TOKEN).timeout(Duration.ofSeconds(10)).build();
            long giveUp = accepted + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < giveUp) {
                if (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    latencies.add(System.nanoTime() - accepted);
                    break;
                }
            }
        }
        System.out.printf("visibility: %d samples, p50 %.2f ms, p99 %.2f ms%n", latencies.count(),
                latencies.percentileMs(0.5), latencies.percentileMs(0.99));
        return latencies;
    }

    private HttpResponse<Void> post(String url, byte[] body, String contentType) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(300))
                .header("Authorization", "Bearer " + ServerProcess.ADMIN_TOKEN).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding());
    }

    private static String status(HttpResponse<?> response, int expected) {
        return response.statusCode() == expected ? LoadRunner.OK : "HTTP " + response.statusCode();
    }

    private static Map<String, Object> phaseJson(Result r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("concurrency", r.concurrency());
        json.put("events_per_request", r.eventsPerOperation());
        json.put("requests", r.operations());
        json.put("failed", r.failures());
        json.put("seconds", Report.round(r.seconds(), 2));
        json.put("events_per_s", round0(r.eventsPerSecond()));
        json.put("p50_ms", ms(r, 0.50));
        json.put("p99_ms", ms(r, 0.99));
        json.put("max_ms", ms(r, 1.0));
        json.put("outcomes", r.outcomes());
        return json;
    }

    private static double ms(Result r, double q) {
        return Report.round(r.latencies().percentileMs(q), 1);
    }

    private static double round0(double value) {
        return Math.round(value);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
