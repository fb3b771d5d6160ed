package dev.provenant.compliance;

import dev.provenant.compliance.ComplianceViews.EntityKey;
import dev.provenant.neo4j.CypherCatalog;
import dev.provenant.neo4j.Neo4jSessions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/** Reads behind the compliance reports that the lineage, ML and PII services do not already answer. */
@ApplicationScoped
class ComplianceRepository {

    /** A dataset's labels, ownership facet (raw JSON) and PII roll-up. */
    record SourceRow(String namespace, String name, List<String> labels, String ownership, String piiState,
            List<String> piiCategories) {}

    record FieldRow(String path, String state, String source) {}

    record CategoryDatasetRow(String namespace, String name, List<String> labels, String state, String ownership,
            List<FieldRow> fields) {}

    /** A job's current read ({@code READS}) or write ({@code WRITES}) of a dataset, and the models it outputs. */
    record JobLinkRow(EntityKey job, EntityKey dataset, String access, List<EntityKey> models) {}

    /** A stored event; {@code payload} is the gzip of its canonical JSON, null when pruned. */
    record EventRow(long seq, String hash, String prevHash, String chainHash, String kind, String eventType,
            OffsetDateTime eventTime, String runId, OffsetDateTime receivedAt, byte[] payload,
            OffsetDateTime payloadPrunedAt) {}

    private final Neo4jSessions sessions;
    private final String findSources;
    private final String findCategoryDatasets;
    private final String findDatasetJobs;
    private final String findScopeEvents;

    ComplianceRepository(Neo4jSessions sessions, CypherCatalog cypher) {
        this.sessions = sessions;
        this.findSources = cypher.get("compliance/find_dataset_sources");
        this.findCategoryDatasets = cypher.get("compliance/find_category_datasets");
        this.findDatasetJobs = cypher.get("compliance/find_dataset_jobs");
        this.findScopeEvents = cypher.get("compliance/find_scope_events");
    }

    List<SourceRow> sources(List<EntityKey> datasets) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> tx.run(findSources, Map.of("datasets", keys(datasets)))
                    .list(r -> new SourceRow(r.get("namespace").asString(), r.get("name").asString(),
                            r.get("labels").asList(Value::asString), text(r.get("ownership")),
                            text(r.get("piiState")), r.get("piiCategories").asList(Value::asString))));
        }
    }

    List<CategoryDatasetRow> categoryDatasets(String category) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> tx.run(findCategoryDatasets, Map.of("category", category))
                    .list(r -> new CategoryDatasetRow(r.get("namespace").asString(), r.get("name").asString(),
                            r.get("labels").asList(Value::asString), text(r.get("state")), text(r.get("ownership")),
                            r.get("fields").asList(f -> new FieldRow(text(f.get("path")), text(f.get("state")),
                                    text(f.get("source")))))));
        }
    }

    List<JobLinkRow> datasetJobs(List<EntityKey> datasets) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> tx.run(findDatasetJobs, Map.of("datasets", keys(datasets)))
                    .list(r -> new JobLinkRow(new EntityKey(r.get("jobNamespace").asString(), r.get("jobName").asString()),
                            new EntityKey(r.get("datasetNamespace").asString(), r.get("datasetName").asString()),
                            r.get("access").asString(), r.get("models").asList(m -> new EntityKey(
                                    m.get("namespace").asString(), m.get("name").asString())))));
        }
    }

    /**
     * Streams the scope's events in seq order to {@code sink} inside one read transaction, so payloads are
     * never all held at once. Returns how many were sent.
     */
    int scopeEvents(List<EntityKey> jobs, List<EntityKey> datasets, int limit, Consumer<EventRow> sink) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> {
                var result = tx.run(findScopeEvents, Map.of("jobs", keys(jobs), "datasets", keys(datasets),
                        "limit", limit));
                int count = 0;
                while (result.hasNext()) {
                    sink.accept(event(result.next()));
                    count++;
                }
                return count;
            });
        }
    }

    private static EventRow event(Record r) {
        return new EventRow(r.get("seq").asLong(), r.get("hash").asString(), text(r.get("prevHash")),
                text(r.get("chainHash")), text(r.get("kind")), text(r.get("eventType")), time(r.get("eventTime")),
                text(r.get("runId")), time(r.get("receivedAt")),
                r.get("payload").isNull() ? null : r.get("payload").asByteArray(), time(r.get("payloadPrunedAt")));
    }

    private static List<Map<String, Object>> keys(List<EntityKey> keys) {
        return keys.stream().map(k -> Map.<String, Object>of("namespace", k.namespace(), "name", k.name())).toList();
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }

    private static OffsetDateTime time(Value value) {
        return value.isNull() ? null : value.asOffsetDateTime();
    }
}
