package dev.provenant.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provenant.neo4j.EmbeddedNeo4j;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

/**
 * Audits a stopped server's database from outside the application, with code of its own: the event log
 * is an intact hash chain (seq 1..n without gaps, each {@code prevHash} the previous hash, each payload
 * hashing to its {@code hash}, each {@code chainHash} = SHA-256(previous chainHash + hash) from "", the
 * {@code :EventChain} head on the last event), and the graph holds what every stored event says, so
 * nothing is half-written: its run with {@code OF} to its job, each input and output resolving to a
 * {@code :Dataset} (itself or through a {@code :DatasetAlias}) with {@code INPUT_TO}/{@code OUTPUTS} to
 * the job, and for the per-field column-lineage form both fields and the {@code FEEDS} edge between them.
 */
public final class EventLogVerifier {

    /** What was found: every stored event by hash, the problems (the first 50 described) and what was checked. */
    public record Report(Map<String, Long> seqByHash, long problemCount, List<String> problems, Map<String, Long> checked) {

        public long events() {
            return seqByHash.size();
        }

        public boolean intact() {
            return problemCount == 0;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROBLEMS_DESCRIBED = 50;

    /** The dataset a {namespace, name} belongs to: itself, or the dataset its alias points at. */
    private static final String RESOLVE = """
            coalesce(head(COLLECT { MATCH (d:Dataset {namespace: $ns, name: $name}) RETURN d }),
                     head(COLLECT { MATCH (:DatasetAlias {namespace: $ns, name: $name})-[:ALIAS_OF]->(d:Dataset) RETURN d }))""";

    private static final String MISSING_RUNS = """
            UNWIND $rows AS row
            WITH row WHERE NOT EXISTS {
              (:Run {runId: row.runId})-[:OF]->(:Job {namespace: row.jobNamespace, name: row.jobName}) }
            RETURN row.seq AS seq, 'no run ' + row.runId + ' OF job ' + row.jobNamespace + '/' + row.jobName AS problem""";

    private static final String MISSING_JOBS = """
            UNWIND $rows AS row
            WITH row WHERE NOT EXISTS { (:Job {namespace: row.jobNamespace, name: row.jobName}) }
            RETURN row.seq AS seq, 'no job ' + row.jobNamespace + '/' + row.jobName AS problem""";

    private static final String MISSING_DATASET_LINKS = """
            UNWIND $rows AS row
            WITH row, %s AS d
            WITH row, d WHERE d IS NULL
              OR (row.role = 'input' AND row.jobName IS NOT NULL
                  AND NOT EXISTS { (d)-[:INPUT_TO]->(:Job {namespace: row.jobNamespace, name: row.jobName}) })
              OR (row.role = 'output' AND row.jobName IS NOT NULL
                  AND NOT EXISTS { (:Job {namespace: row.jobNamespace, name: row.jobName})-[:OUTPUTS]->(d) })
            RETURN row.seq AS seq, row.role + ' ' + row.namespace + ' ' + row.name
                   + CASE WHEN d IS NULL THEN ' resolves to no dataset' ELSE ' has no edge to its job' END AS problem"""
            .formatted(resolve("row.namespace", "row.name"));

    private static final String MISSING_COLUMN_LINEAGE = """
            UNWIND $rows AS row
            WITH row, %s AS src, %s AS dst
            WITH row, head(COLLECT { MATCH (f:Field {namespace: src.namespace, dataset: src.name, path: row.fromField}) RETURN f })
                        AS source,
                      head(COLLECT { MATCH (f:Field {namespace: dst.namespace, dataset: dst.name, path: row.toField}) RETURN f })
                        AS target
            WITH row, source, target WHERE source IS NULL OR target IS NULL
              OR NOT EXISTS { (source)-[:FEEDS {jobNamespace: row.jobNamespace, jobName: row.jobName}]->(target) }
            RETURN row.seq AS seq, 'column lineage ' + row.fromName + '.' + row.fromField + ' -> ' + row.toName + '.'
                   + row.toField + CASE WHEN source IS NULL THEN ': no source field' WHEN target IS NULL
                   THEN ': no target field' ELSE ': no FEEDS edge' END AS problem"""
            .formatted(resolve("row.fromNamespace", "row.fromName"), resolve("row.toNamespace", "row.toName"));

    private final List<String> problems = new ArrayList<>();
    private long problemCount;
    private final Map<String, Long> seqByHash = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> expectations = new LinkedHashMap<>();

    private EventLogVerifier() {
        for (String kind : List.of("runs", "jobs", "datasets", "columnLineage")) {
            expectations.put(kind, new ArrayList<>());
        }
    }

    /**
     * Opens the embedded database a stopped server left in {@code dataDir} (Bolt on a free loopback
     * port, as nothing else may hold the store), verifies it and shuts it down again.
     */
    public static Report verifyDataDir(Path dataDir) {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir.resolve("neo4j"),
                new EmbeddedNeo4j.Settings("127.0.0.1", FreePorts.next(), "neo4j", null, 64L << 20))) {
            return verify(neo4j.database());
        }
    }

    public static Report verify(GraphDatabaseService database) {
        EventLogVerifier verifier = new EventLogVerifier();
        try (Transaction tx = database.beginTx()) {
            verifier.walkChain(tx);
            verifier.checkHead(tx);
            verifier.checkGraph(tx);
        }
        Map<String, Long> checked = new LinkedHashMap<>();
        checked.put("events", (long) verifier.seqByHash.size());
        verifier.expectations.forEach((kind, rows) -> checked.put(kind, (long) rows.size()));
        return new Report(Map.copyOf(verifier.seqByHash), verifier.problemCount, List.copyOf(verifier.problems), checked);
    }

    /** Checks every link of the chain in seq order and collects what each payload says the graph must hold. */
    private void walkChain(Transaction tx) {
        long expectedSeq = 1;
        String previousHash = null;
        String previousChain = "";
        try (Result events = tx.execute("""
                MATCH (e:Event)
                RETURN e.seq AS seq, e.hash AS hash, e.prevHash AS prevHash, e.chainHash AS chainHash,
                       e.payload AS payload, e.payloadBytes AS payloadBytes
                ORDER BY e.seq""")) {
            while (events.hasNext()) {
                Map<String, Object> event = events.next();
                long seq = (Long) event.get("seq");
                String hash = (String) event.get("hash");
                byte[] canonical = gunzip((byte[]) event.get("payload"));
                if (canonical == null) {
                    problem(seq, "payload is not gzip");
                    canonical = new byte[0];
                }
                if (seq != expectedSeq) {
                    problem(seq, "seq " + seq + " where " + expectedSeq + " was due");
                }
                if (!Objects.equals(event.get("prevHash"), previousHash)) {
                    problem(seq, "prevHash " + event.get("prevHash") + " is not the previous hash " + previousHash);
                }
                if (!sha256(canonical).equals(hash)) {
                    problem(seq, "payload hashes to " + sha256(canonical) + ", not to its hash " + hash);
                }
                if (((Number) event.get("payloadBytes")).longValue() != canonical.length) {
                    problem(seq, "payloadBytes " + event.get("payloadBytes") + " but the payload has " + canonical.length);
                }
                String chain = sha256((previousChain + hash).getBytes(StandardCharsets.UTF_8));
                if (!chain.equals(event.get("chainHash"))) {
                    problem(seq, "chainHash " + event.get("chainHash") + " where " + chain + " was due");
                }
                if (seqByHash.put(hash, seq) != null) {
                    problem(seq, "hash " + hash + " stored twice");
                }
                JsonNode payload = json(canonical);
                if (payload == null) {
                    problem(seq, "payload is not JSON");
                } else {
                    expect(seq, payload);
                }
                expectedSeq = seq + 1;
                previousHash = hash;
                previousChain = chain;
            }
        }
    }

    /** The head node names the last event, so the next append continues the chain where it ends. */
    private void checkHead(Transaction tx) {
        List<Map<String, Object>> heads = new ArrayList<>();
        tx.execute("MATCH (c:EventChain {id: 'events'}) RETURN c.seq AS seq, c.head AS head, c.chain AS chain")
                .forEachRemaining(heads::add);
        if (seqByHash.isEmpty()) {
            return;
        }
        if (heads.size() != 1) {
            problem(0, heads.size() + " :EventChain nodes");
            return;
        }
        Map<String, Object> head = heads.get(0);
        Map<String, Object> last = tx.execute("""
                MATCH (e:Event) RETURN e.seq AS seq, e.hash AS head, e.chainHash AS chain ORDER BY e.seq DESC LIMIT 1""").next();
        if (!head.equals(last)) {
            problem(0, "the :EventChain head " + head + " is not the last event " + last);
        }
    }

    private void checkGraph(Transaction tx) {
        check(tx, MISSING_RUNS, "runs");
        check(tx, MISSING_JOBS, "jobs");
        check(tx, MISSING_DATASET_LINKS, "datasets");
        check(tx, MISSING_COLUMN_LINEAGE, "columnLineage");
    }

    private void check(Transaction tx, String cypher, String kind) {
        try (Result missing = tx.execute(cypher, Map.of("rows", expectations.get(kind)))) {
            missing.forEachRemaining(row -> problem((Long) row.get("seq"), (String) row.get("problem")));
        }
    }

    /** What the graph must hold for this event. */
    private void expect(long seq, JsonNode event) {
        JsonNode job = event.path("job");
        String jobNamespace = job.path("namespace").asText(null);
        String jobName = job.path("name").asText(null);
        String runId = event.path("run").path("runId").asText(null);
        if (runId != null) {
            expectations.get("runs").add(row(seq, "runId", runId, "jobNamespace", jobNamespace, "jobName", jobName));
        } else if (jobName != null) {
            expectations.get("jobs").add(row(seq, "jobNamespace", jobNamespace, "jobName", jobName));
        }
        for (String role : List.of("input", "output")) {
            for (JsonNode dataset : event.path(role + "s")) {
                expectations.get("datasets").add(row(seq, "role", role, "namespace", dataset.path("namespace").asText(),
                        "name", dataset.path("name").asText(), "jobNamespace", jobNamespace, "jobName", jobName));
                if (role.equals("output") && jobName != null) {
                    expectColumnLineage(seq, dataset, jobNamespace, jobName);
                }
            }
        }
        if (event.has("dataset")) {
            JsonNode dataset = event.get("dataset");
            expectations.get("datasets").add(row(seq, "role", "dataset", "namespace", dataset.path("namespace").asText(),
                    "name", dataset.path("name").asText(), "jobNamespace", null, "jobName", null));
        }
    }

    private void expectColumnLineage(long seq, JsonNode output, String jobNamespace, String jobName) {
        JsonNode fields = output.path("facets").path("columnLineage").path("fields");
        fields.fields().forEachRemaining(field -> {
            for (JsonNode input : field.getValue().path("inputFields")) {
                if (input.hasNonNull("namespace") && input.hasNonNull("name") && input.hasNonNull("field")) {
                    expectations.get("columnLineage").add(row(seq, "jobNamespace", jobNamespace, "jobName", jobName,
                            "fromNamespace", input.get("namespace").asText(), "fromName", input.get("name").asText(),
                            "fromField", input.get("field").asText(), "toNamespace", output.path("namespace").asText(),
                            "toName", output.path("name").asText(), "toField", field.getKey()));
                }
            }
        });
    }

    private static Map<String, Object> row(long seq, Object... keysAndValues) {
        Map<String, Object> row = new HashMap<>();
        row.put("seq", seq);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private void problem(long seq, String description) {
        problemCount++;
        if (problems.size() < PROBLEMS_DESCRIBED) {
            problems.add("seq " + seq + ": " + description);
        }
    }

    private static String resolve(String namespace, String name) {
        return RESOLVE.replace("$ns", namespace).replace("$name", name);
    }

    /** The gunzipped bytes, or null when they are not gzip. */
    private static byte[] gunzip(byte[] gzipped) {
        if (gzipped == null) {
            return null;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException notGzip) {
            return null;
        }
    }

    /** The JSON document, or null when the bytes are not one. */
    private static JsonNode json(byte[] canonical) {
        try {
            return JSON.readTree(canonical);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
