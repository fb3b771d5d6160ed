package dev.provenant.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.support.Api;
import dev.provenant.support.Conformance;
import dev.provenant.support.EventMutator;
import dev.provenant.support.Graph;
import dev.provenant.support.GraphCounts;
import dev.provenant.support.TestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;

/**
 * Fuzzes ingest with mutants of the real conformance events ({@link EventMutator}, fixed seed) and
 * checks the invariant of every try: either 201/200 and the graph holds the event with its run, job and
 * datasets, or a 4xx in the JSON error shape with nothing written. Never a 5xx.
 *
 * <p>A seeded mutator with JUnit's {@code @TestFactory} instead of jqwik: jqwik runs as its own engine,
 * outside the Quarkus extension (so no app and no injected driver), and jqwik 1.10.1 prints on every
 * test run a notice that its author does not want it used by AI agents, who wrote this test. The
 * mutator is deterministic, so a failing try is reproduced by its number.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestFuzzIT {

    private static final long SEED = 11L;
    private static final int TRIES = 400;
    private static final Duration BUDGET = Duration.ofSeconds(80);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Driver driver;

    private final Map<String, Integer> outcomes = new TreeMap<>();
    private Instant started;

    @TestFactory
    Stream<DynamicTest> mutatedConformanceEventsAreStoredConsistentlyOrRejectedWithoutTrace() {
        List<byte[]> corpus = corpus();
        EventMutator mutator = new EventMutator(SEED);
        Api api = new Api("http://localhost:" + RestAssured.port, TestResources.ADMIN_TOKEN);
        Graph graph = new Graph(driver);
        started = Instant.now();
        return IntStream.range(0, TRIES)
                .takeWhile(i -> Duration.between(started, Instant.now()).compareTo(BUDGET) < 0)
                .mapToObj(i -> {
                    byte[] original = corpus.get(i % corpus.size());
                    EventMutator.Mutant mutant = mutator.mutate(original);
                    return DynamicTest.dynamicTest("#" + i + " " + mutant.description(), () -> check(api, graph, mutant));
                });
    }

    private void check(Api api, Graph graph, EventMutator.Mutant mutant) {
        GraphCounts before = GraphCounts.of(graph);
        HttpResponse<String> response = api.post("/api/v1/lineage", mutant.body());
        int status = response.statusCode();
        String body = response.body();
        assertThat(status).as(body).isIn(200, 201, 400, 413);
        JsonNode answer = readJson(body);
        if (status >= 400) {
            outcomes.merge(status + " " + answer.path("error").asText(), 1, Integer::sum);
            assertThat(answer.path("error").asText()).as(body).isNotBlank();
            assertThat(answer.path("message").asText()).as(body).isNotBlank();
            assertThat(GraphCounts.of(graph)).as("nothing written for " + body).isEqualTo(before);
            return;
        }
        outcomes.merge(status == 201 ? "201 created" : "200 duplicate", 1, Integer::sum);
        assertThat(GraphCounts.of(graph).events()).isEqualTo(before.events() + (status == 201 ? 1 : 0));
        assertConsistent(graph, answer.path("hash").asText(), readJson(new String(mutant.body(), StandardCharsets.UTF_8)));
    }

    /** The stored event's run, job and every dataset it names are in the graph. */
    private static void assertConsistent(Graph graph, String hash, JsonNode event) {
        var stored = graph.query("MATCH (e:Event {hash: $hash}) RETURN e.kind AS kind, e.runId AS runId,"
                + " e.jobNamespace AS ns, e.jobName AS job", Map.of("hash", hash));
        assertThat(stored).as("event " + hash).hasSize(1);
        var row = stored.get(0);
        if (!row.get("runId").isNull()) {
            assertThat(graph.count("MATCH (:Run {runId: $runId})-[:OF]->(:Job {namespace: $ns, name: $job}) RETURN count(*)",
                    Map.of("runId", row.get("runId").asString(), "ns", row.get("ns").asString(),
                            "job", row.get("job").asString()))).as("run of " + hash).isPositive();
        } else if (!row.get("job").isNull()) {
            assertThat(graph.count("MATCH (j:Job {namespace: $ns, name: $job}) RETURN count(j)",
                    Map.of("ns", row.get("ns").asString(), "job", row.get("job").asString()))).isEqualTo(1);
        }
        List<JsonNode> datasets = new ArrayList<>();
        event.path("inputs").forEach(datasets::add);
        event.path("outputs").forEach(datasets::add);
        if (row.get("kind").asString().equals("DATASET")) {
            datasets.add(event.path("dataset"));
        }
        for (JsonNode dataset : datasets) {
            Map<String, Object> key = Map.of("namespace", dataset.path("namespace").asText(),
                    "name", dataset.path("name").asText());
            assertThat(graph.count("""
                    OPTIONAL MATCH (d:Dataset {namespace: $namespace, name: $name})
                    OPTIONAL MATCH (:DatasetAlias {namespace: $namespace, name: $name})-[:ALIAS_OF]->(a:Dataset)
                    RETURN count(d) + count(a)""", key)).as("dataset " + key).isPositive();
        }
    }

    @AfterAll
    void writeFigures() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "reliability"));
        int tried = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Object> figures = Map.of("seed", SEED, "tried", tried, "seconds",
                Duration.between(started, Instant.now()).toSeconds(), "outcomes", outcomes);
        Files.writeString(dir.resolve("fuzz.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
    }

    /** Every event document of the corpus: single files, array elements and NDJSON lines. */
    private static List<byte[]> corpus() {
        List<byte[]> events = new ArrayList<>();
        for (String file : Conformance.allOpenLineageFiles()) {
            Path path = Conformance.openLineage(file);
            if (file.endsWith(".ndjson")) {
                Conformance.lines(path).forEach(line -> events.add(line.getBytes(StandardCharsets.UTF_8)));
                continue;
            }
            JsonNode document = readJson(new String(Conformance.bytes(path), StandardCharsets.UTF_8));
            if (document.isArray()) {
                document.forEach(item -> events.add(item.toString().getBytes(StandardCharsets.UTF_8)));
            } else {
                events.add(Conformance.bytes(path));
            }
        }
        return events;
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }
}
