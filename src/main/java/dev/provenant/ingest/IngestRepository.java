package dev.provenant.ingest;

import dev.provenant.ml.MlRules;
import dev.provenant.neo4j.CypherCatalog;
import dev.provenant.neo4j.Neo4jSessions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

/**
 * Writes a group of events in one Neo4j transaction: appends the new ones to the hash-chained event
 * log (each event carries its own hash, the previous event's hash and a chain hash covering all history
 * before it) and merges what they say into the lineage graph. Duplicates (by hash) are answered, not written.
 * The transaction function is pure, so the driver may retry it on transient errors.
 */
@ApplicationScoped
class IngestRepository {

    private final Neo4jSessions sessions;
    private final MlRules mlRules;
    private final Timed lockChain;
    private final Timed advanceChain;
    private final Timed findKnown;
    private final Timed resolveKeys;
    /** Graph statements in the order they run; each takes {@code $rows}. */
    private final List<Statement> graphStatements;

    /**
     * What a statement's result rows name: nothing, or changes. A change row names a dataset
     * ({@code namespace}, {@code name}) that changed, or with {@code jobNamespace} and {@code jobName} not
     * null, a job that started or stopped reading that dataset.
     */
    private enum Reports { NOTHING, CHANGES }

    /**
     * A statement of {@code cypher/ingest} with its timer, {@code provenant.ingest.statement} tagged with
     * the file's name: where a group commit spends its time, per statement, on {@code /q/metrics}.
     */
    private record Timed(String cypher, Timer timer) {

        /** @param file the statement's file in the catalog, e.g. {@code ingest/merge_fields}, tagged without the folder */
        static Timed of(CypherCatalog catalog, MeterRegistry registry, String file) {
            return new Timed(catalog.get(file), Timer.builder("provenant.ingest.statement")
                    .description("Time spent in one ingest statement per group commit, from run to consumed result")
                    .tag("statement", file.substring(file.lastIndexOf('/') + 1)).register(registry));
        }
    }

    private record Statement(Timed timed, Function<GraphRows, List<Map<String, Object>>> rows, Reports reports) {

        Statement(Timed timed, Function<GraphRows, List<Map<String, Object>>> rows) {
            this(timed, rows, Reports.NOTHING);
        }
    }

    /** The outcome per event, in order, and what the new events changed in the graph. */
    record Written(List<IngestOutcome> outcomes, IngestCommitted changes) {}

    IngestRepository(Neo4jSessions sessions, CypherCatalog cypher, MlRules mlRules, MeterRegistry registry) {
        this.sessions = sessions;
        this.mlRules = mlRules;
        this.lockChain = Timed.of(cypher, registry, "ingest/lock_event_chain");
        this.advanceChain = Timed.of(cypher, registry, "ingest/advance_event_chain");
        this.findKnown = Timed.of(cypher, registry, "ingest/find_known_events");
        this.resolveKeys = Timed.of(cypher, registry, "ingest/resolve_dataset_keys");
        this.graphStatements = List.of(
                new Statement(Timed.of(cypher, registry, "ingest/create_events"), r -> r.events),
                new Statement(Timed.of(cypher, registry, "ingest/merge_jobs"), r -> r.jobs),
                new Statement(Timed.of(cypher, registry, "ingest/merge_runs"), r -> r.runs),
                new Statement(Timed.of(cypher, registry, "ingest/merge_parent_runs"), r -> r.parents),
                new Statement(Timed.of(cypher, registry, "ingest/merge_datasets"), r -> r.datasets, Reports.CHANGES),
                new Statement(Timed.of(cypher, registry, "ingest/merge_fields"), r -> r.fields, Reports.CHANGES),
                new Statement(Timed.of(cypher, registry, "ingest/set_field_hashes"), r -> r.fieldHashes),
                new Statement(Timed.of(cypher, registry, "ingest/merge_job_inputs"), r -> r.jobInputs, Reports.CHANGES),
                new Statement(Timed.of(cypher, registry, "ingest/merge_job_outputs"), r -> r.jobOutputs, Reports.CHANGES),
                new Statement(Timed.of(cypher, registry, "ingest/merge_run_reads"), r -> r.runReads),
                new Statement(Timed.of(cypher, registry, "ingest/merge_run_writes"), r -> r.runWrites),
                new Statement(Timed.of(cypher, registry, "ingest/merge_column_lineage"), r -> r.columnLineage, Reports.CHANGES),
                new Statement(Timed.of(cypher, registry, "ingest/sweep_stale_edges"), r -> r.completions, Reports.CHANGES));
    }

    /** One outcome per event, in order, with what the new ones changed. */
    Written write(List<QueuedEvent> events) {
        try (Session session = sessions.writeSession()) {
            return session.executeWrite(tx -> writeIn(tx, events));
        }
    }

    private Written writeIn(TransactionContext tx, List<QueuedEvent> events) {
        Record head = timed(lockChain, () -> tx.run(lockChain.cypher()).single());
        long seq = head.get("seq").asLong();
        String prevHash = head.get("head").isNull() ? null : head.get("head").asString();
        String chain = head.get("chain").isNull() ? "" : head.get("chain").asString();

        Map<String, Long> known = new HashMap<>();
        List<String> hashes = events.stream().map(e -> e.event().hash()).distinct().toList();
        timed(findKnown, () -> tx.run(findKnown.cypher(), Map.of("hashes", hashes)).forEachRemaining(
                r -> known.put(r.get("hash").asString(), r.get("seq").asLong())));

        List<IngestOutcome> outcomes = new ArrayList<>(events.size());
        List<GraphRows.ChainedEvent> fresh = new ArrayList<>();
        for (QueuedEvent queued : events) {
            String hash = queued.event().hash();
            Long existing = known.get(hash);
            if (existing != null) {
                outcomes.add(new IngestOutcome(IngestOutcome.DUPLICATE, hash, existing));
                continue;
            }
            seq++;
            chain = chainHash(chain, hash);
            fresh.add(new GraphRows.ChainedEvent(queued, seq, prevHash, chain));
            known.put(hash, seq);
            prevHash = hash;
            outcomes.add(new IngestOutcome(IngestOutcome.CREATED, hash, seq));
        }
        if (fresh.isEmpty()) {
            return new Written(outcomes, IngestCommitted.NOTHING);
        }

        KnownDatasets datasets = knownDatasets(tx, fresh);
        GraphRows rows = GraphRows.of(fresh, new DatasetIdentities(datasets.identities()));
        applyMlRules(rows);
        rows.keepChangedFields(datasets.fieldHashes());
        Set<DatasetKey> changedDatasets = new java.util.LinkedHashSet<>();
        Set<IngestCommitted.Read> changedReads = new java.util.LinkedHashSet<>();
        for (Statement statement : graphStatements) {
            List<Map<String, Object>> params = statement.rows().apply(rows);
            if (params.isEmpty()) {
                continue;
            }
            timed(statement.timed(), () -> {
                Result result = tx.run(statement.timed().cypher(), Map.of("rows", params));
                switch (statement.reports()) {
                    case CHANGES -> result.forEachRemaining(r -> {
                        DatasetKey dataset = new DatasetKey(r.get("namespace").asString(), r.get("name").asString());
                        if (r.containsKey("jobNamespace") && !r.get("jobNamespace").isNull()) {
                            changedReads.add(new IngestCommitted.Read(dataset, r.get("jobNamespace").asString(),
                                    r.get("jobName").asString()));
                        } else {
                            changedDatasets.add(dataset);
                        }
                    });
                    case NOTHING -> result.consume();
                }
            });
        }
        Map<String, Object> newHead = Map.of("seq", seq, "head", prevHash, "chain", chain);
        timed(advanceChain, () -> tx.run(advanceChain.cypher(), newHead).consume());
        return new Written(outcomes, new IngestCommitted(changedDatasets, changedReads));
    }

    private static void timed(Timed statement, Runnable work) {
        statement.timer().record(work);
    }

    private static <T> T timed(Timed statement, Supplier<T> work) {
        return statement.timer().record(work);
    }

    /** The configured name rules label models and features in the same transaction as the facet does. */
    private void applyMlRules(GraphRows rows) {
        for (Map<String, Object> row : rows.datasets) {
            String namespace = (String) row.get("namespace");
            String name = (String) row.get("name");
            if (!(Boolean) row.get("isModel") && mlRules.isModel(namespace, name)) {
                row.put("isModel", true);
            }
            if (!(Boolean) row.get("isFeature") && mlRules.isFeature(namespace, name)) {
                row.put("isFeature", true);
            }
        }
    }

    /**
     * Links an event to everything before it: SHA-256 over the previous chain hash and this event's
     * hash. Rewriting any stored event changes every chain hash after it.
     */
    static String chainHash(String previousChain, String eventHash) {
        return CanonicalJson.sha256((previousChain + eventHash).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * What the graph already knows of the datasets these events mention: the dataset each identity
     * belongs to, and the hash of the field set last written for each of those datasets (absent when
     * none was). A field set of a dataset not found here is always written.
     */
    private record KnownDatasets(Map<DatasetKey, DatasetKey> identities, Map<DatasetKey, String> fieldHashes) {}

    private KnownDatasets knownDatasets(TransactionContext tx, List<GraphRows.ChainedEvent> fresh) {
        Set<DatasetKey> mentioned = DatasetIdentities.mentionedIn(fresh.stream().map(c -> c.queued().event()).toList());
        List<Map<String, Object>> keys = mentioned.stream()
                .map(k -> Map.<String, Object>of("namespace", k.namespace(), "name", k.name())).toList();
        KnownDatasets known = new KnownDatasets(new HashMap<>(), new HashMap<>());
        timed(resolveKeys, () -> tx.run(resolveKeys.cypher(), Map.of("keys", keys)).forEachRemaining(r -> {
            DatasetKey dataset = new DatasetKey(r.get("canonicalNamespace").asString(), r.get("canonicalName").asString());
            known.identities().put(new DatasetKey(r.get("namespace").asString(), r.get("name").asString()), dataset);
            if (!r.get("fieldsHash").isNull()) {
                known.fieldHashes().put(dataset, r.get("fieldsHash").asString());
            }
        }));
        return known;
    }
}
