package dev.provenant.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.Graph;
import dev.provenant.support.TestResources;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * Single-event POSTs that arrive while the writer is busy are committed together: the number of
 * transactions stays far below the number of requests, every request gets its own 201, and the hash
 * chain has no gap or fork.
 */
@QuarkusTest
class GroupCommitIT {

    private static final Pattern COMMITS = Pattern.compile("provenant_ingest_commit_events_count (\\d+)(\\.0)?");

    @Inject
    Driver driver;

    @Test
    void concurrentSingleEventsShareTransactions() throws Exception {
        int requests = 64;
        long commitsBefore = commits();
        long eventsBefore = new Graph(driver).count("MATCH (e:Event) RETURN count(e)");

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            // A large batch keeps the writer busy while the single events queue up behind it.
            Future<Integer> batch = pool.submit(() -> given().auth().oauth2(TestResources.ADMIN_TOKEN)
                    .contentType("application/x-ndjson").body(bigBatch(400)).post("/api/v1/lineage/batch").statusCode());
            Thread.sleep(50);
            List<Future<Integer>> singles = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String body = IngestRejectionIT.event(UUID.randomUUID().toString(), "group-commit");
                singles.add(pool.submit(() -> given().auth().oauth2(TestResources.ADMIN_TOKEN)
                        .contentType("application/json").body(body).post("/api/v1/lineage").statusCode()));
            }
            assertThat(batch.get()).isEqualTo(201);
            for (Future<Integer> single : singles) {
                assertThat(single.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }

        long commits = commits() - commitsBefore;
        assertThat(commits).as("transactions for 1 batch + %d single events", requests).isLessThan(requests / 2);
        Graph graph = new Graph(driver);
        assertThat(graph.count("MATCH (e:Event) RETURN count(e)")).isEqualTo(eventsBefore + 400 + requests);
        assertThat(graph.count("""
                MATCH (e:Event) WITH e ORDER BY e.seq
                WITH collect(e) AS chain
                UNWIND range(1, size(chain) - 1) AS i
                WITH chain[i - 1] AS previous, chain[i] AS current
                WHERE current.prevHash <> previous.hash OR current.seq <> previous.seq + 1
                RETURN count(*)""")).isZero();
    }

    private static byte[] bigBatch(int events) {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < events; i++) {
            ndjson.append("""
                    {"eventType":"COMPLETE","eventTime":"2026-03-02T10:00:00Z","producer":"https://example.com/p",\
                    "run":{"runId":"%s"},"job":{"namespace":"group-commit","name":"wide_%d"},\
                    "inputs":[{"namespace":"s3://bucket","name":"raw_%d"}],\
                    "outputs":[{"namespace":"s3://bucket","name":"clean_%d","facets":{"schema":{"fields":[%s]}}}]}
                    """.formatted(UUID.randomUUID(), i, i, i, fields(20)));
        }
        return ndjson.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String fields(int count) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fields.add("{\"name\":\"c" + i + "\",\"type\":\"string\"}");
        }
        return String.join(",", fields);
    }

    private static long commits() {
        String metrics = given().auth().oauth2(TestResources.ADMIN_TOKEN).get("/q/metrics").asString();
        Matcher m = COMMITS.matcher(metrics);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
