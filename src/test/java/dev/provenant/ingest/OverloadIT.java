package dev.provenant.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.support.Api;
import dev.provenant.support.ProvenantProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overload and soak against the production build as its own process, so that its memory can be read
 * from /proc and the small write queue does not affect the other tests' application.
 *
 * <p>Overload: with a queue of 50 events, two clients posting batches of 50 wide events keep the writer busy; everything
 * that does not fit is answered 503 {@code overloaded} with {@code Retry-After} at once, the process
 * stays within its memory, every acknowledged event is stored, and ingest works again once the load
 * stops. Bursts of 64 concurrent single events on top make sure that more arrives than fits. Soak: two minutes of steady single-event load on the default settings, sampling RSS and errors
 * every 10 s; the figures go to {@code target/reliability/soak.json}.
 */
class OverloadIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RSS_CEILING_KB = 1_600 * 1024; // -Xmx1g, 64M page cache, code and threads
    private static final long LIVE_HEAP_CEILING_KB = 512 * 1024; // half of -Xmx1g
    private static final long LIVE_HEAP_GROWTH_KB = 128 * 1024;

    @Test
    void aFullQueueAnswers503AtOnceAndIngestRecoversWhenTheLoadStops(@TempDir Path dataDir) throws Exception {
        try (ProvenantProcess server = ProvenantProcess.start(dataDir, Map.of(
                "provenant.auth.admin-token", "overload-token",
                "provenant.ingest.queue-capacity", "50",
                "provenant.ingest.max-events-per-commit", "50"))) {
            Api api = new Api(server.baseUrl(), "overload-token");
            long rssBefore = server.rssKb();
            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicLong acknowledged = new AtomicLong();
            AtomicLong rejectedBatches = new AtomicLong();
            ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                writers.add(pool.submit(() -> {
                    while (loading.get()) {
                        HttpResponse<String> response = api.post("/api/v1/lineage/batch", wideBatch(50, 300));
                        if (response.statusCode() == 201) {
                            acknowledged.addAndGet(50);
                        } else if (response.statusCode() == 503) {
                            rejectedBatches.incrementAndGet();
                        } else {
                            unexpected.add(response.statusCode() + " " + response.body());
                        }
                    }
                }));
            }

            // Bursts of concurrent single events on top: more than the queue holds while a batch is written.
            List<Long> overloadedMillis = new ArrayList<>();
            long rssPeak = rssBefore;
            ExecutorService burst = Executors.newFixedThreadPool(64);
            Instant end = Instant.now().plusSeconds(12);
            while (Instant.now().isBefore(end)) {
                List<Future<Long>> singles = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    singles.add(burst.submit(() -> {
                        Instant sent = Instant.now();
                        HttpResponse<String> response = api.post("/api/v1/lineage", singleEvent("overload-single"));
                        long millis = Duration.between(sent, Instant.now()).toMillis();
                        if (response.statusCode() == 503) {
                            assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
                            assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("overloaded");
                            return millis;
                        }
                        if (response.statusCode() == 201) {
                            acknowledged.incrementAndGet();
                        } else {
                            unexpected.add(response.statusCode() + " " + response.body());
                        }
                        return -1L;
                    }));
                }
                for (Future<Long> single : singles) {
                    long millis = single.get(120, TimeUnit.SECONDS);
                    if (millis >= 0) {
                        overloadedMillis.add(millis);
                    }
                }
                rssPeak = Math.max(rssPeak, server.rssKb());
            }
            burst.shutdown();
            loading.set(false);
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(unexpected).as("answers other than 201 and 503").isEmpty();
            assertThat(overloadedMillis).as("single events answered 503 while the queue was full").isNotEmpty();
            overloadedMillis.sort(null);
            // Client-side times, 64 requests at once beside 2 batch uploads: CPU contention is in them too.
            // The figures go to overload.json and docs; the bounds only prove a refusal never waits for the
            // queue to drain (which takes the commit timeout, 120 s), so a busy CI machine cannot fail them.
            long median = overloadedMillis.get(overloadedMillis.size() / 2);
            long p95 = overloadedMillis.get((int) (overloadedMillis.size() * 0.95));
            assertThat(median).as("median time of a 503 answer, ms").isLessThan(5_000);
            assertThat(p95).as("95th percentile of the 503 answers, ms").isLessThan(15_000);
            assertThat(rssPeak).as("peak RSS in KiB (before: %d)", rssBefore).isLessThan(RSS_CEILING_KB);

            HttpResponse<String> after = awaitCreated(api, Duration.ofSeconds(30));
            assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
            acknowledged.incrementAndGet();
            assertThat(api.get("/q/health/ready").statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(api.get("/api/v1/stats").body()).path("events").asLong())
                    .as("every acknowledged event is stored").isEqualTo(acknowledged.get());
            write("overload.json", Map.of("overloaded503", overloadedMillis.size(),
                    "medianOf503Millis", median, "p95Of503Millis", p95, "slowest503Millis", overloadedMillis.get(overloadedMillis.size() - 1),
                    "acknowledgedEvents", acknowledged.get(), "rejectedBatches", rejectedBatches.get(), "rssBeforeKb", rssBefore, "rssPeakKb", rssPeak));
        }
    }

    @Test
    void twoMinutesOfSteadyLoadKeepMemoryFlatAndErrorsAtZero(@TempDir Path dataDir) throws Exception {
        int threads = 4;
        Duration warmUp = Duration.ofSeconds(15);
        Duration sample = Duration.ofSeconds(10);
        int samples = 12;
        try (ProvenantProcess server = ProvenantProcess.start(dataDir, Map.of("provenant.auth.admin-token", "soak-token"))) {
            Api api = new Api(server.baseUrl(), "soak-token");
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong sent = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int client = t;
                clients.add(pool.submit(() -> {
                    while (running.get()) {
                        String runId = UUID.randomUUID().toString();
                        for (String type : List.of("START", "RUNNING", "COMPLETE")) {
                            int status = api.post("/api/v1/lineage", runEvent(runId, "soak-" + client, type, 10)).statusCode();
                            sent.incrementAndGet();
                            if (status != 201) {
                                errors.incrementAndGet();
                            }
                        }
                        sleep(15);
                    }
                }));
            }
            Thread.sleep(warmUp.toMillis());
            List<Map<String, Object>> figures = new ArrayList<>();
            long lastSent = sent.get();
            long lastErrors = errors.get();
            for (int i = 1; i <= samples; i++) {
                Thread.sleep(sample.toMillis());
                long nowSent = sent.get();
                long nowErrors = errors.get();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("second", warmUp.toSeconds() + i * sample.toSeconds());
                row.put("rssKb", server.rssKb());
                row.put("liveHeapKb", server.liveHeapKb());
                row.put("requests", nowSent - lastSent);
                row.put("errors", nowErrors - lastErrors);
                figures.add(row);
                lastSent = nowSent;
                lastErrors = nowErrors;
            }
            running.set(false);
            for (Future<?> client : clients) {
                client.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            List<Map<String, Object>> first = figures.subList(0, samples / 3);
            List<Map<String, Object>> last = figures.subList(samples - samples / 3, samples);
            double rssFirst = average(first, "rssKb");
            double rssLast = average(last, "rssKb");
            double heapFirst = average(first, "liveHeapKb");
            double heapLast = average(last, "liveHeapKb");
            long requests = figures.stream().mapToLong(f -> (long) f.get("requests")).sum();
            long failed = figures.stream().mapToLong(f -> (long) f.get("errors")).sum();
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("threads", threads);
            report.put("warmUpSeconds", warmUp.toSeconds());
            report.put("requests", requests);
            report.put("errors", failed);
            report.put("rssFirstThirdKb", Math.round(rssFirst));
            report.put("rssLastThirdKb", Math.round(rssLast));
            report.put("liveHeapFirstThirdKb", Math.round(heapFirst));
            report.put("liveHeapLastThirdKb", Math.round(heapLast));
            report.put("samples", figures);
            write("soak.json", report);

            // Enough requests to make the soak mean something, whatever the machine's speed.
            assertThat(requests).as("requests in %d s", samples * sample.toSeconds()).isGreaterThan(300);
            // What the server keeps is judged by its live heap after a full collection (G1 keeps the heap it
            // once committed, so RSS follows the allocation rate): bounded at every sample, and not growing.
            // A single sample moves by about 100 MB with what is in flight, the mean of four much less; slow
            // growth (PII updates that read a job's whole history grew it by 130 MB and more, see
            // docs/reliability.md) fails the second bound.
            assertThat(figures).allSatisfy(f -> assertThat((long) f.get("liveHeapKb")).as("live heap (KiB) at %s s",
                    f.get("second")).isLessThan(LIVE_HEAP_CEILING_KB));
            assertThat(heapLast).as("mean live heap of the last third (KiB), against the first third's %.0f", heapFirst)
                    .isLessThan(heapFirst + LIVE_HEAP_GROWTH_KB);
            assertThat(rssLast).as("mean RSS of the last third (KiB)").isLessThan(RSS_CEILING_KB);
            assertThat(average(last, "errors")).as("errors per sample, last third").isLessThanOrEqualTo(average(first, "errors"));
            assertThat(failed).as("failed requests of %d", requests).isLessThanOrEqualTo(requests / 100);
        }
    }

    // ---- events ------------------------------------------------------------------------------

    private static byte[] singleEvent(String job) {
        return runEvent(UUID.randomUUID().toString(), job, "START", 2);
    }

    /** A JSON array of {@code events} COMPLETE events, each with an output of {@code fields} fields. */
    private static byte[] wideBatch(int events, int fields) {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < events; i++) {
            batch.append(i == 0 ? "" : ",").append(new String(runEvent(UUID.randomUUID().toString(), "overload-wide-" + i,
                    "COMPLETE", fields), StandardCharsets.UTF_8));
        }
        return batch.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] runEvent(String runId, String job, String type, int fields) {
        StringBuilder schema = new StringBuilder();
        for (int f = 0; f < fields; f++) {
            schema.append(f == 0 ? "" : ",").append("{\"name\":\"col_").append(f).append("\",\"type\":\"STRING\"}");
        }
        return """
                {"eventType":"%s","eventTime":"2026-07-01T10:00:00Z","producer":"https://example.com/overload",\
                "run":{"runId":"%s"},"job":{"namespace":"overload","name":"%s"},\
                "inputs":[{"namespace":"s3://overload","name":"in_%s"}],\
                "outputs":[{"namespace":"s3://overload","name":"out_%s","facets":{"schema":{"fields":[%s]}}}]}"""
                .formatted(type, runId, job, runId, runId, schema).getBytes(StandardCharsets.UTF_8);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static HttpResponse<String> awaitCreated(Api api, Duration bound) throws InterruptedException {
        Instant deadline = Instant.now().plus(bound);
        HttpResponse<String> response;
        do {
            response = api.post("/api/v1/lineage", singleEvent("overload-after"));
            if (response.statusCode() == 201) {
                return response;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        return response;
    }

    private static double average(List<Map<String, Object>> rows, String key) {
        return rows.stream().mapToLong(r -> (long) r.get(key)).average().orElse(0);
    }

    private static void write(String file, Object figures) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "reliability"));
            Files.writeString(dir.resolve(file), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
