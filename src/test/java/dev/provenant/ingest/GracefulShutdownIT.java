package dev.provenant.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.support.Api;
import dev.provenant.support.EventLogVerifier;
import dev.provenant.support.IngestLoad;
import dev.provenant.support.IngestLoad.Ending;
import dev.provenant.support.ProvenantProcess;
import dev.provenant.support.ReliabilityFigures;
import dev.provenant.support.RunEventStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, graceful shutdown: SIGTERM while eight pipelines post events. Every request is answered
 * (201/200, or 503 with the JSON error and Retry-After) or cannot connect once the server has stopped
 * listening; none hangs. The process exits within the bound after shutting the embedded database down,
 * and a restart on the same data directory has every acknowledged event, with an intact hash chain.
 */
class GracefulShutdownIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "graceful-shutdown-admin";
    private static final int THREADS = 8;
    /** SIGTERM once this many events are acknowledged, so the writer is busy. */
    private static final int ACKNOWLEDGED_BEFORE_SIGTERM = 400;
    private static final Duration EXIT_BOUND = Duration.ofSeconds(60);
    /** No request may wait longer than this for its answer; the server's own shutdown bound is 30 s. */
    private static final Duration REQUEST_BOUND = Duration.ofSeconds(60);
    private static final int DUPLICATE_SAMPLE = 25;

    @TempDir
    Path dataDir;

    @Test
    void sigtermAnswersEveryRequestAndLosesNothingAcknowledged() throws Exception {
        Instant began = Instant.now();
        IngestLoad load = new IngestLoad(new RunEventStream(12, 20_000), THREADS, REQUEST_BOUND);
        Duration exit;
        Instant sigterm;
        try (ProvenantProcess server = start()) {
            try (IngestLoad.Senders senders = load.senders(new Api(server.baseUrl(), TOKEN), Duration.ofSeconds(240))) {
                senders.awaitAcknowledged(ACKNOWLEDGED_BEFORE_SIGTERM, Duration.ofSeconds(120));
                assertThat(load.requests(Ending.NOT_CONNECTED)).as("connection failures before SIGTERM").isZero();
                sigterm = Instant.now();
                exit = server.terminate(EXIT_BOUND);
                // Once the process is gone, each sender ends at its next attempt to connect.
                assertThat(senders.awaitEnded(REQUEST_BOUND)).as("senders ended after the exit").isTrue();
            }
            assertThat(exit).isLessThan(EXIT_BOUND);
            assertThat(server.log()).contains("Shutting down embedded Neo4j");
        }
        assertThat(load.unexpected()).as("answers outside the API's promises").isEmpty();
        assertThat(load.requests(Ending.TIMED_OUT)).as("requests that hung").isZero();
        // A connection the server closes as it stops listening breaks a request it never read; that is
        // the same as not connecting, as long as it happened after SIGTERM (checked below: never admitted).
        assertThat(load.failures()).as("requests that broke without an answer")
                .allMatch(failure -> failure.ending() == Ending.NOT_CONNECTED
                        || failure.ending() == Ending.DROPPED && failure.sent().isAfter(sigterm));
        assertThat(load.refusals().keySet()).as("503 error codes").isSubsetOf("shutting_down", "not_ready");
        assertThat(load.longestRequest()).isLessThan(REQUEST_BOUND);

        long storedAfterRestart;
        long resentCreated = 0;
        try (ProvenantProcess server = start()) {
            Api api = new Api(server.baseUrl(), TOKEN);
            storedAfterRestart = JSON.readTree(api.get("/api/v1/stats").body()).get("events").asLong();
            load.sampleAcknowledged(DUPLICATE_SAMPLE).forEach((hash, event) -> {
                HttpResponse<String> again = api.post("/api/v1/lineage", event);
                assertThat(again.statusCode()).as("acknowledged event %s posted again", hash).isEqualTo(200);
            });
            // Ingest stopped admitting at SIGTERM, so a request that broke was never written: its events are new.
            for (IngestLoad.Failure failure : load.failures()) {
                for (byte[] event : failure.events()) {
                    HttpResponse<String> again = api.post("/api/v1/lineage", event);
                    assertThat(again.statusCode()).as("event of %s posted again", failure).isEqualTo(201);
                    resentCreated++;
                }
            }
            server.terminate(EXIT_BOUND);
        }
        EventLogVerifier.Report report = EventLogVerifier.verifyDataDir(dataDir);
        assertThat(report.problems()).as("%d problems in the stored log and graph", report.problemCount()).isEmpty();
        assertThat(report.seqByHash().keySet()).as("acknowledged events stored").containsAll(load.acknowledged().keySet());
        assertThat(report.events()).isEqualTo(storedAfterRestart + resentCreated);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("threads", THREADS);
        figures.put("sigtermAfterAcknowledged", ACKNOWLEDGED_BEFORE_SIGTERM);
        figures.put("eventsSent", load.eventsSent());
        figures.put("eventsAcknowledged", load.acknowledgedCount());
        figures.put("requestsByEnding", load.requestsByEnding());
        figures.put("refusals", load.refusals());
        figures.put("longestRequestMillis", load.longestRequest().toMillis());
        figures.put("exitMillis", exit.toMillis());
        figures.put("eventsStoredAfterRestart", storedAfterRestart);
        figures.put("unansweredEventsResentAndCreated", resentCreated);
        figures.put("chainVerified", report.intact());
        figures.put("seconds", Duration.between(began, Instant.now()).toSeconds());
        ReliabilityFigures.write("graceful-shutdown", figures);
    }

    private ProvenantProcess start() {
        return ProvenantProcess.start(dataDir, Map.of("provenant.auth.admin-token", TOKEN, "quarkus.http.host", "127.0.0.1"));
    }
}
