package dev.provenant.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.support.Api;
import dev.provenant.support.Graph;
import dev.provenant.support.TestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/**
 * The same story of runs, posted serially in time order under one namespace and concurrently, in every
 * order, under other namespaces, ends in the same graph. The story: two non-overlapping runs of
 * {@code load_orders} (the second drops an input and a column source and flips a masking flag) and one
 * run of {@code backfill_orders}, all writing the same {@code orders} dataset with overlapping schema
 * fields and column lineage. Each run's START, RUNNING and COMPLETE are posted in all 6 orders (runs
 * racing each other), and all nine events in 10 seeded shuffles, from many threads at once.
 *
 * <p>The dump compares every property of runs, jobs, datasets, fields, versions and lineage edges
 * except facet properties (merged by arrival order, by design: decisions.md) and the event log's own
 * receive time, sequence and hashes. Events carry distinct event times; ties are broken by arrival.
 */
@QuarkusTest
class ConcurrentOrderIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RUNS = List.of("A1", "A2", "B1");
    private static final List<String> TYPES = List.of("START", "RUNNING", "COMPLETE");
    private static final int SHUFFLES = 10;
    private static final long SEED = 20260501L;

    @Inject
    Driver driver;

    /** One event of the story: which run and which of its three events. */
    private record StoryEvent(String run, String type) {}

    /** One load of the story under its own namespace, with the order its events are posted in. */
    private record Load(String namespace, String description, List<List<StoryEvent>> sequences) {}

    @Test
    void concurrentLoadsInAnyOrderEndInTheGraphOfTheSerialLoad() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 8);
        Api api = new Api("http://localhost:" + RestAssured.port, TestResources.ADMIN_TOKEN);

        String serial = "co-" + token + "-serial";
        for (StoryEvent event : chronological()) {
            HttpResponse<String> response = api.post("/api/v1/lineage", event(serial, event));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
        List<String> expected = dump(serial);
        assertThat(expected).as("the serial dump").hasSizeGreaterThan(40)
                .anyMatch(line -> line.startsWith("INPUT_TO customers->load_orders") && line.contains("current=FALSE"))
                .anyMatch(line -> line.startsWith("Run A2 ") && line.contains("state=\"COMPLETE\""));

        List<Load> loads = new ArrayList<>();
        List<List<String>> orders = permutations(TYPES);
        for (int p = 0; p < orders.size(); p++) {
            List<List<StoryEvent>> sequences = new ArrayList<>();
            for (String run : RUNS) {
                sequences.add(orders.get(p).stream().map(type -> new StoryEvent(run, type)).toList());
            }
            loads.add(new Load("co-" + token + "-perm" + p, "each run in order " + orders.get(p), sequences));
        }
        Random random = new Random(SEED);
        for (int s = 0; s < SHUFFLES; s++) {
            List<StoryEvent> shuffled = new ArrayList<>(chronological());
            Collections.shuffle(shuffled, random);
            loads.add(new Load("co-" + token + "-shuffle" + s, "every event on its own thread, submitted as " + shuffled,
                    shuffled.stream().map(List::of).toList()));
        }

        Map<Integer, Integer> statuses = postConcurrently(api, loads);
        assertThat(statuses).as("statuses of %d requests", loads.size() * 9).containsOnlyKeys(201);

        for (Load load : loads) {
            assertThat(dump(load.namespace())).as("%s: %s", load.namespace(), load.description())
                    .containsExactlyElementsOf(expected);
            assertThat(new Graph(driver).count("MATCH (e:Event {jobNamespace: $ns}) RETURN count(e)",
                    Map.of("ns", load.namespace()))).isEqualTo(9);
        }
    }

    /** Every sequence of every load on its own task; all start together. Returns status code counts. */
    private static Map<Integer, Integer> postConcurrently(Api api, List<Load> loads) throws Exception {
        List<Runnable> tasks = new ArrayList<>();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        for (Load load : loads) {
            for (List<StoryEvent> sequence : load.sequences()) {
                tasks.add(() -> {
                    await(go);
                    for (StoryEvent event : sequence) {
                        statuses.add(api.post("/api/v1/lineage", event(load.namespace(), event)).statusCode());
                    }
                });
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> running = tasks.stream().<Future<?>>map(pool::submit).toList();
            go.countDown();
            for (Future<?> task : running) {
                task.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach(status -> counts.merge(status, 1, Integer::sum));
        return counts;
    }

    // ---- the story -----------------------------------------------------------------------------

    private static List<StoryEvent> chronological() {
        // A1 10:00-10:02, B1 10:30-10:40, A2 11:00-11:02
        return List.of(new StoryEvent("A1", "START"), new StoryEvent("A1", "RUNNING"), new StoryEvent("A1", "COMPLETE"),
                new StoryEvent("B1", "START"), new StoryEvent("B1", "RUNNING"), new StoryEvent("B1", "COMPLETE"),
                new StoryEvent("A2", "START"), new StoryEvent("A2", "RUNNING"), new StoryEvent("A2", "COMPLETE"));
    }

    private static String runId(String namespace, String run) {
        return UUID.nameUUIDFromBytes((namespace + "/" + run).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static byte[] event(String ns, StoryEvent e) {
        String ds = "s3://" + ns;
        boolean first = e.run().equals("A1");
        boolean backfill = e.run().equals("B1");
        String time = switch (e.run()) {
            case "A1" -> "2026-05-01T10:0";
            case "B1" -> "2026-05-01T10:3";
            default -> "2026-05-01T11:0";
        } + switch (e.type()) {
            case "START" -> "0:00Z";
            case "RUNNING" -> "1:00Z";
            default -> backfill ? "9:59Z" : "2:00Z";
        };
        List<Map<String, Object>> inputs = new ArrayList<>();
        inputs.add(dataset(ds, "raw_orders", Map.of()));
        if (first) {
            inputs.add(dataset(ds, "customers", Map.of()));
        }
        if (backfill) {
            inputs.add(dataset(ds, "legacy_orders", Map.of()));
        }

        List<Map<String, Object>> schema = new ArrayList<>(List.of(field("id", "BIGINT"), field("amount", "DECIMAL(12,2)")));
        Map<String, Object> lineage = new LinkedHashMap<>();
        if (backfill) {
            schema.add(field("region", "STRING"));
            lineage.put("id", Map.of("inputFields", List.of(source(ds, "legacy_orders", "id", "DIRECT", "IDENTITY", false))));
            lineage.put("amount", Map.of("inputFields", List.of(source(ds, "raw_orders", "amount", "DIRECT", "AGGREGATION", false))));
            lineage.put("region", Map.of("transformationType", "IDENTITY",
                    "inputFields", List.of(Map.of("namespace", ds, "name", "legacy_orders", "field", "region"))));
        } else {
            schema.add(field("customer_email", "STRING"));
            schema.add(Map.of("name", "shipping", "type", "STRUCT",
                    "fields", List.of(field("country", "STRING"), field("city", "STRING"))));
            lineage.put("id", Map.of("inputFields", List.of(source(ds, "raw_orders", "id", "DIRECT", "IDENTITY", false))));
            lineage.put("amount", Map.of("inputFields", List.of(source(ds, "raw_orders", "amount", "DIRECT", "TRANSFORMATION",
                    !first))));
            lineage.put("customer_email", Map.of("inputFields", List.of(first
                    ? source(ds, "customers", "email", "DIRECT", "IDENTITY", false)
                    : source(ds, "raw_orders", "email", "DIRECT", "TRANSFORMATION", true))));
        }
        Map<String, Object> columnLineage = new LinkedHashMap<>();
        columnLineage.put("fields", lineage);
        columnLineage.put("dataset", List.of(source(ds, "raw_orders", "status", "INDIRECT", "FILTER", false)));

        Map<String, Object> outputFacets = new LinkedHashMap<>();
        if (!e.type().equals("RUNNING")) {
            outputFacets.put("schema", Map.of("fields", schema));
        }
        if (!e.type().equals("START")) {
            outputFacets.put("columnLineage", columnLineage);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventType", e.type());
        event.put("eventTime", time);
        event.put("producer", "https://example.com/concurrent-order");
        event.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
        event.put("run", Map.of("runId", runId(ns, e.run())));
        event.put("job", Map.of("namespace", ns, "name", backfill ? "backfill_orders" : "load_orders"));
        event.put("inputs", e.type().equals("RUNNING") ? List.of() : inputs);
        event.put("outputs", List.of(dataset(ds, "orders", outputFacets)));
        try {
            return JSON.writeValueAsBytes(event);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Map<String, Object> dataset(String namespace, String name, Map<String, Object> facets) {
        return Map.of("namespace", namespace, "name", name, "facets", facets);
    }

    private static Map<String, Object> field(String name, String type) {
        return Map.of("name", name, "type", type);
    }

    private static Map<String, Object> source(String namespace, String dataset, String field, String type,
            String subtype, boolean masking) {
        return Map.of("namespace", namespace, "name", dataset, "field", field,
                "transformations", List.of(Map.of("type", type, "subtype", subtype, "masking", masking,
                        "description", subtype.toLowerCase() + (masking ? " masked" : ""))));
    }

    // ---- the canonical dump --------------------------------------------------------------------

    /**
     * Event log bookkeeping; PII verdicts, which propagation derives asynchronously (docs/pii.md); and
     * which field set of a dataset was written last (fieldsHash), which only decides what later events
     * may skip.
     */
    private static final Set<String> VOLATILE = Set.of("receivedAt", "seq", "hash", "prevHash", "chainHash", "payload",
            "piiState", "piiCategories", "piiCategoryDistances", "piiEvidence", "piiSource", "piiTrail", "fieldsHash");

    /** Every element the story touches under this namespace as sorted lines, run ids named A1, A2, B1. */
    private List<String> dump(String ns) {
        Graph graph = new Graph(driver);
        Map<String, Object> params = Map.of("ns", ns, "ds", "s3://" + ns);
        List<String> lines = new ArrayList<>();
        for (String query : List.of(
                "MATCH (r:Run)-[:OF]->(j:Job {namespace: $ns}) RETURN 'Run ' + r.runId AS key, properties(r) AS props",
                "MATCH (j:Job {namespace: $ns}) RETURN 'Job ' + j.name AS key, properties(j) AS props",
                """
                MATCH (d:Dataset {namespace: $ds})
                RETURN 'Dataset ' + d.name + ' ' + reduce(s = '', l IN labels(d) | s + ':' + l) AS key, properties(d) AS props""",
                """
                MATCH (f:Field {namespace: $ds}) OPTIONAL MATCH (p)-[:HAS_FIELD]->(f)
                WITH f, collect(coalesce('field ' + p.path, 'dataset ' + p.name)) AS parents
                RETURN 'Field ' + f.dataset + '.' + f.path + ' under ' + reduce(s = '', p IN parents | s + '[' + p + ']') AS key, properties(f) AS props""",
                """
                MATCH (d:Dataset)-[e:INPUT_TO]->(j:Job {namespace: $ns})
                RETURN 'INPUT_TO ' + d.name + '->' + j.name AS key, properties(e) AS props""",
                """
                MATCH (j:Job {namespace: $ns})-[e:OUTPUTS]->(d:Dataset)
                RETURN 'OUTPUTS ' + j.name + '->' + d.name AS key, properties(e) AS props""",
                """
                MATCH (s:Field)-[e:FEEDS]->(t:Field) WHERE e.jobNamespace = $ns
                RETURN 'FEEDS ' + s.dataset + '.' + s.path + '->' + t.dataset + '.' + t.path AS key, properties(e) AS props""",
                """
                MATCH (v:DatasetVersion {namespace: $ds})-[:VERSION_OF]->(d:Dataset)
                RETURN 'Version ' + v.name + '@' + v.version + ' of ' + d.name AS key, properties(v) AS props""",
                """
                MATCH (r:Run)-[e:READ|WROTE]->(v:DatasetVersion {namespace: $ds})
                RETURN type(e) + ' ' + r.runId + '->' + v.name + '@' + v.version AS key, properties(e) AS props""")) {
            graph.query(query, params)
                    .forEach(row -> lines.add(row.get("key").asString() + " " + render(row.get("props"))));
        }
        Map<String, String> names = new HashMap<>();
        RUNS.forEach(run -> names.put(runId(ns, run), run));
        return lines.stream().map(line -> {
            String named = line;
            for (Map.Entry<String, String> run : names.entrySet()) {
                named = named.replace(run.getKey(), run.getValue());
            }
            return named.replace(ns, "<ns>");
        }).sorted().toList();
    }

    private static String render(Value props) {
        Map<String, String> kept = new TreeMap<>();
        props.asMap(Value::toString).forEach((key, value) -> {
            if (!key.startsWith(EventParser.FACET_PREFIX) && !VOLATILE.contains(key)) {
                kept.put(key, value);
            }
        });
        StringBuilder text = new StringBuilder();
        kept.forEach((key, value) -> text.append(key).append('=').append(value).append(' '));
        return text.toString().strip();
    }

    private static List<List<String>> permutations(List<String> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<String>> result = new ArrayList<>();
        for (String head : items) {
            List<String> rest = new ArrayList<>(items);
            rest.remove(head);
            for (List<String> tail : permutations(rest)) {
                List<String> order = new ArrayList<>();
                order.add(head);
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
