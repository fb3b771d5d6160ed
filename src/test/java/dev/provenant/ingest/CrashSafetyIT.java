package dev.provenant.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, crash safety: the production build is killed with SIGKILL in the middle of a concurrent
 * load, three times, and restarted on the same data directory each time. Every event that got a 201 or
 * 200 must be stored (by the hash it was acknowledged with), no event may be half-written (the graph
 * holds what each stored event says) and the hash chain must verify. Events whose request the kill cut
 * off may or may not be stored; posting them again must be answered 201 or 200.
 */
class CrashSafetyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "crash-safety-admin";
    private static final int THREADS = 12;
    /** Kill once this many events in all have been acknowledged: early, mid-way and with a long log. */
    private static final List<Integer> KILL_POINTS = List.of(300, 1500, 3000);
    private static final int MAX_EVENTS = 20_000;
    private static final Duration PHASE_BOUND = Duration.ofSeconds(150);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);
    /** Acknowledged events posted again after each restart, expecting 200 duplicate. */
    private static final int DUPLICATE_SAMPLE = 25;
    /** At most this many cut-off events are posted again at the end. */
    private static final int RESEND_BOUND = 500;

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedEventsSurviveSigkillAndTheChainVerifies() throws Exception {
        Instant began = Instant.now();
        RunEventStream stream = new RunEventStream(11, MAX_EVENTS);
        IngestLoad load = new IngestLoad(stream, THREADS, REQUEST_TIMEOUT);
        List<Map<String, Object>> killPoints = new ArrayList<>();

        for (int target : KILL_POINTS) {
            try (ProvenantProcess server = start()) {
                Api api = new Api(server.baseUrl(), TOKEN);
                if (!killPoints.isEmpty()) {
                    killPoints.get(killPoints.size() - 1).put("storedAfterRestart", assertStoredAfterRestart(api, load));
                }
                long cutBefore = load.requests(Ending.DROPPED);
                Instant phase = Instant.now();
                try (IngestLoad.Senders senders = load.senders(api, PHASE_BOUND)) {
                    senders.awaitAcknowledged(target, PHASE_BOUND);
                    server.kill();
                }
                killPoints.add(killPoint(target, load, load.requests(Ending.DROPPED) - cutBefore,
                        Duration.between(phase, Instant.now())));
            }
        }
        assertThat(load.unexpected()).as("answers outside the API's promises").isEmpty();
        assertThat(load.requests(Ending.TIMED_OUT)).as("requests that hung").isZero();
        assertThat(load.requests(Ending.REFUSED)).as("503 answers under this load: %s", load.refusals()).isZero();
        assertThat(load.requests(Ending.DROPPED)).as("requests cut off by the kills, so the kills were mid-stream")
                .isPositive();

        long storedBefore;
        String freshHash;
        Map<String, Long> resent;
        try (ProvenantProcess server = start()) {
            Api api = new Api(server.baseUrl(), TOKEN);
            storedBefore = assertStoredAfterRestart(api, load);
            killPoints.get(killPoints.size() - 1).put("storedAfterRestart", storedBefore);

            // The chain continues right after the last stored event.
            HttpResponse<String> fresh = api.post("/api/v1/lineage", stream.freshEvent());
            assertThat(fresh.statusCode()).isEqualTo(201);
            assertThat(json(fresh).get("seq").asLong()).isEqualTo(storedBefore + 1);
            freshHash = json(fresh).get("hash").asText();

            resent = resendUnacknowledged(api, load);
            server.terminate(Duration.ofSeconds(60));
        }

        EventLogVerifier.Report report = EventLogVerifier.verifyDataDir(dataDir);
        assertThat(report.problems()).as("%d problems in the stored log and graph", report.problemCount()).isEmpty();
        assertThat(report.intact()).isTrue();
        assertThat(report.seqByHash().keySet()).as("acknowledged events stored")
                .containsAll(load.acknowledged().keySet());
        assertThat(report.seqByHash()).containsEntry(freshHash, storedBefore + 1);
        assertThat(report.events()).isEqualTo(storedBefore + 1 + resent.getOrDefault("created", 0L));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("threads", THREADS);
        figures.put("killPoints", killPoints);
        figures.put("eventsSent", load.eventsSent());
        figures.put("eventsAcknowledged", load.acknowledgedCount());
        figures.put("acknowledgedFoundAfterRestart", load.acknowledged().keySet().stream()
                .filter(report.seqByHash()::containsKey).count());
        figures.put("eventsUnacknowledged", load.unacknowledged().size());
        figures.put("unacknowledgedResent", resent);
        figures.put("requestsByEnding", load.requestsByEnding());
        figures.put("eventsStoredAtEnd", report.events());
        figures.put("checked", report.checked());
        figures.put("chainVerified", report.intact());
        figures.put("seconds", Duration.between(began, Instant.now()).toSeconds());
        ReliabilityFigures.write("crash-safety", figures);
    }

    private ProvenantProcess start() {
        return ProvenantProcess.start(dataDir, Map.of("provenant.auth.admin-token", TOKEN, "quarkus.http.host", "127.0.0.1"));
    }

    /**
     * After a restart the log holds at least every acknowledged event, and a sample of them, posted
     * again, is recognised by hash as already stored. Returns the number of stored events.
     */
    private static long assertStoredAfterRestart(Api api, IngestLoad load) throws Exception {
        long stored = JSON.readTree(api.get("/api/v1/stats").body()).get("events").asLong();
        assertThat(stored).as("events stored after the restart").isGreaterThanOrEqualTo(load.acknowledgedCount());
        load.sampleAcknowledged(DUPLICATE_SAMPLE).forEach((hash, event) -> {
            HttpResponse<String> again = api.post("/api/v1/lineage", event);
            assertThat(again.statusCode()).as("acknowledged event %s posted again", hash).isEqualTo(200);
            assertThat(json(again).get("status").asText()).isEqualTo("duplicate");
            assertThat(json(again).get("hash").asText()).isEqualTo(hash);
        });
        return stored;
    }

    /** Posts the events the kills cut off again: each is stored now (201) or was stored already (200). */
    private static Map<String, Long> resendUnacknowledged(Api api, IngestLoad load) {
        Map<String, Long> answers = new LinkedHashMap<>();
        answers.put("created", 0L);
        answers.put("duplicate", 0L);
        for (byte[] event : load.unacknowledged().stream().limit(RESEND_BOUND).toList()) {
            HttpResponse<String> response = api.post("/api/v1/lineage", event);
            assertThat(response.statusCode()).as("cut-off event posted again: %s", response.body()).isIn(200, 201);
            answers.merge(json(response).get("status").asText(), 1L, Long::sum);
        }
        return answers;
    }

    private static Map<String, Object> killPoint(int target, IngestLoad load, long requestsCut, Duration loaded) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("killedAfterAcknowledged", target);
        point.put("acknowledgedInAll", load.acknowledgedCount());
        point.put("sentInAll", load.eventsSent());
        point.put("requestsCutOff", requestsCut);
        point.put("loadSeconds", loaded.toSeconds());
        return point;
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
