package dev.provenant.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provenant.neo4j.CypherCatalog;
import dev.provenant.neo4j.Neo4jSessions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/** Reads of single datasets and jobs, and pages of them, behind the entity endpoints. */
@ApplicationScoped
class EntityRepository {

    /** Most producing/consuming jobs, inputs/outputs shown: a dataset read by thousands of jobs stays cheap. */
    static final int JOB_LIMIT = 1000;
    static final int FIELD_LIMIT = 10_000;
    static final int VERSION_LIMIT = 100;
    static final int RUN_LIMIT = 50;
    /** The piiSource values of a field declared personal (docs/pii.md); the *_NOT_PERSONAL overrides are not. */
    private static final Set<String> DECLARED_SOURCES = Set.of("STEWARD", "TAG", "NAME_RULE");

    private final Neo4jSessions sessions;
    private final FacetReader facets;
    private final String findDataset;
    private final String findDatasetFields;
    private final String findDatasetVersions;
    private final String findDatasetRuns;
    private final String findJob;
    private final String findJobRuns;
    private final String listDatasets;
    private final String listJobs;

    EntityRepository(Neo4jSessions sessions, CypherCatalog cypher, FacetReader facets) {
        this.sessions = sessions;
        this.facets = facets;
        this.findDataset = cypher.get("lineage/find_dataset");
        this.findDatasetFields = cypher.get("lineage/find_dataset_fields");
        this.findDatasetVersions = cypher.get("lineage/find_dataset_versions");
        this.findDatasetRuns = cypher.get("lineage/find_dataset_runs");
        this.findJob = cypher.get("lineage/find_job");
        this.findJobRuns = cypher.get("lineage/find_job_runs");
        this.listDatasets = cypher.get("lineage/list_datasets");
        this.listJobs = cypher.get("lineage/list_jobs");
    }

    Optional<DatasetView> dataset(String namespace, String name) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> {
                var result = tx.run(findDataset, Map.of("namespace", namespace, "name", name, "limit", JOB_LIMIT));
                if (!result.hasNext()) {
                    return Optional.empty();
                }
                return Optional.of(toDataset(tx, result.next()));
            });
        }
    }

    private DatasetView toDataset(TransactionContext tx, Record r) {
        Node d = r.get("dataset").asNode();
        List<String> labels = r.get("labels").asList(Value::asString);
        // The dataset's own key: the request may have named it by an alias.
        Map<String, Object> key = Map.of("namespace", d.get("namespace").asString(), "name", d.get("name").asString());
        List<DatasetView.FieldView> fields = fieldTree(tx.run(findDatasetFields, with(key, FIELD_LIMIT)).list());
        List<DatasetView.Version> versions = tx.run(findDatasetVersions, with(key, VERSION_LIMIT)).list(v ->
                new DatasetView.Version(v.get("version").asString(), LineageReadRepository.time(v.get("firstSeen")),
                        LineageReadRepository.text(v.get("runId"))));
        List<DatasetView.DatasetRun> runs = tx.run(findDatasetRuns, with(key, RUN_LIMIT)).list(x -> {
            OffsetDateTime startedAt = LineageReadRepository.time(x.get("startedAt"));
            OffsetDateTime endedAt = LineageReadRepository.time(x.get("endedAt"));
            return new DatasetView.DatasetRun(x.get("runId").asString(), LineageReadRepository.text(x.get("state")),
                    startedAt, endedAt, LineageReadRepository.durationMs(startedAt, endedAt),
                    new RunView.JobRef(x.get("jobNamespace").asString(null), x.get("jobName").asString(null)),
                    x.get("access").asString(), x.get("version").asString());
        });
        return new DatasetView(d.get("namespace").asString(), d.get("name").asString(), labels.contains("Model"),
                labels.contains("Feature"), pii(d.get("piiState"), d.get("piiCategories"), null),
                LineageReadRepository.time(d.get("firstSeen")),
                LineageReadRepository.time(d.get("lastSeen")), LineageReadRepository.text(d.get("currentVersion")),
                r.get("aliases").asList(a -> new DatasetView.Alias(a.get("namespace").asString(),
                        a.get("name").asString(), a.get("type").asString(null))),
                fields, facets.facets(d.asMap()), versions, refs(r.get("producers")), refs(r.get("consumers")), runs);
    }

    /** Rows come sorted by path, so every list of children is sorted too. */
    private static List<DatasetView.FieldView> fieldTree(List<Record> rows) {
        Map<String, Record> byPath = new HashMap<>();
        rows.forEach(row -> byPath.put(row.get("path").asString(), row));
        List<String> roots = new ArrayList<>();
        Map<String, List<String>> children = new HashMap<>();
        for (Record row : rows) {
            String path = row.get("path").asString();
            String parent = row.get("parentPath").asString(null);
            if (parent == null || !byPath.containsKey(parent)) {
                roots.add(path);
            } else {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(path);
            }
        }
        return build(roots, byPath, children);
    }

    private static List<DatasetView.FieldView> build(List<String> paths, Map<String, Record> byPath,
            Map<String, List<String>> children) {
        List<DatasetView.FieldView> views = new ArrayList<>();
        for (String path : paths) {
            Record row = byPath.get(path);
            views.add(new DatasetView.FieldView(row.get("name").asString(path), path,
                    LineageReadRepository.text(row.get("type")), LineageReadRepository.text(row.get("description")),
                    pii(row.get("piiState"), row.get("piiCategories"),
                            DECLARED_SOURCES.contains(row.get("piiSource").asString(""))),
                    build(children.getOrDefault(path, List.of()), byPath, children)));
        }
        return views;
    }

    /** CLEAR is stored as the absence of piiState and piiCategories. */
    private static DatasetView.Pii pii(Value state, Value categories, Boolean declared) {
        return new DatasetView.Pii(state.asString("CLEAR"),
                categories.isNull() ? List.of() : categories.asList(Value::asString), declared);
    }

    Optional<JobView> job(String namespace, String name) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> {
                var result = tx.run(findJob, Map.of("namespace", namespace, "name", name, "limit", JOB_LIMIT));
                if (!result.hasNext()) {
                    return Optional.empty();
                }
                Record r = result.next();
                List<JobView.JobRun> runs = tx.run(findJobRuns, with(Map.of("namespace", namespace, "name", name),
                        RUN_LIMIT)).list(x -> {
                            OffsetDateTime startedAt = LineageReadRepository.time(x.get("startedAt"));
                            OffsetDateTime endedAt = LineageReadRepository.time(x.get("endedAt"));
                            return new JobView.JobRun(x.get("runId").asString(),
                                    LineageReadRepository.text(x.get("state")), startedAt, endedAt,
                                    LineageReadRepository.durationMs(startedAt, endedAt),
                                    LineageReadRepository.text(x.get("errorMessage")));
                        });
                Node j = r.get("job").asNode();
                Map<String, JsonNode> jobFacets = facets.facets(j.asMap());
                JsonNode sql = jobFacets.get("sql");
                return Optional.of(new JobView(namespace, name, LineageReadRepository.time(j.get("firstSeen")),
                        LineageReadRepository.time(j.get("lastSeen")), refs(r.get("inputs")), refs(r.get("outputs")),
                        runs, withoutFacetMetadata(jobFacets.get("sourceCodeLocation")),
                        sql != null && sql.path("query").isTextual() ? sql.get("query").asText() : null, jobFacets));
            });
        }
    }

    /** The facet without {@code _producer}/{@code _schemaURL}: what a reader wants is where the code is. */
    private static JsonNode withoutFacetMetadata(JsonNode facet) {
        if (facet == null || !facet.isObject()) {
            return facet;
        }
        ObjectNode copy = ((ObjectNode) facet).deepCopy();
        copy.remove(List.of("_producer", "_schemaURL", "_deleted"));
        return copy;
    }

    EntityPage datasets(String namespace, int offset, int limit) {
        return page(listDatasets, namespace, offset, limit, true);
    }

    EntityPage jobs(String namespace, int offset, int limit) {
        return page(listJobs, namespace, offset, limit, false);
    }

    private EntityPage page(String cypher, String namespace, int offset, int limit, boolean datasets) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("namespace", namespace);
        parameters.put("offset", offset);
        parameters.put("limit", limit);
        try (Session session = sessions.readSession()) {
            Record r = session.executeRead(tx -> tx.run(cypher, parameters).single());
            List<EntityPage.Item> items = r.get("items").asList(i -> {
                List<String> labels = datasets ? i.get("labels").asList(Value::asString) : List.of();
                return new EntityPage.Item(i.get("namespace").asString(), i.get("name").asString(),
                        datasets ? labels.contains("Model") : null, datasets ? labels.contains("Feature") : null,
                        LineageReadRepository.time(i.get("lastSeen")));
            });
            return new EntityPage(r.get("total").asLong(), offset, limit, items);
        }
    }

    private static List<EntityRef> refs(Value list) {
        return list.asList(e -> new EntityRef(e.get("namespace").asString(), e.get("name").asString(),
                e.get("current").asBoolean(false)));
    }

    private static Map<String, Object> with(Map<String, Object> key, int limit) {
        Map<String, Object> parameters = new HashMap<>(key);
        parameters.put("limit", limit);
        return parameters;
    }
}
