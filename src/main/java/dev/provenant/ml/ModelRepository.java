package dev.provenant.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.provenant.ingest.EventParser;
import dev.provenant.lineage.RunView;
import dev.provenant.neo4j.CypherCatalog;
import dev.provenant.neo4j.Neo4jSessions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.types.Node;

/** Reads behind the model endpoints: models, the runs and jobs that trained them, and their facets. */
@ApplicationScoped
class ModelRepository {

    record DatasetRow(String namespace, String name, List<String> labels, String currentVersion,
            Map<String, JsonNode> facets) {
        boolean model() {
            return labels.contains("Model");
        }

        boolean feature() {
            return labels.contains("Feature");
        }
    }

    record RunRow(String runId, String state, OffsetDateTime startedAt, OffsetDateTime endedAt, RunView.JobRef job,
            Map<String, JsonNode> facets) {}

    /** A run's write of a version of the model, with the output facets it sent for it. */
    record WriteRow(RunRow run, String version, Map<String, JsonNode> writeFacets) {}

    record JobRow(RunView.JobRef job, Map<String, JsonNode> facets, List<RunRow> runs) {}

    private final Neo4jSessions sessions;
    private final ObjectMapper json;
    private final String findModels;
    private final String findModel;
    private final String findTrainingRuns;
    private final String findProducingJobs;
    private final String findJobs;

    ModelRepository(Neo4jSessions sessions, CypherCatalog cypher, ObjectMapper json) {
        this.sessions = sessions;
        this.json = json;
        this.findModels = cypher.get("ml/find_models");
        this.findModel = cypher.get("ml/find_model");
        this.findTrainingRuns = cypher.get("ml/find_training_runs");
        this.findProducingJobs = cypher.get("ml/find_producing_jobs");
        this.findJobs = cypher.get("ml/find_jobs_with_latest_run");
    }

    List<DatasetRow> models(int skip, int limit) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> tx.run(findModels, Map.of("skip", skip, "limit", limit)).list(this::dataset));
        }
    }

    Optional<DatasetRow> dataset(String namespace, String name) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> {
                var result = tx.run(findModel, Map.of("namespace", namespace, "name", name));
                return result.hasNext() ? Optional.of(dataset(result.next())) : Optional.empty();
            });
        }
    }

    List<WriteRow> trainingRuns(DatasetRow model, int limit) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> tx.run(findTrainingRuns, Map.of("namespace", model.namespace(),
                    "name", model.name(), "limit", limit)).list(r -> new WriteRow(run(r.get("run").asNode(),
                            jobRef(r.get("job"))), text(r.get("version")), facets(r.get("writeFacets")))));
        }
    }

    List<JobRow> producingJobs(DatasetRow model, int runsPerJob) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> tx.run(findProducingJobs, Map.of("namespace", model.namespace(),
                    "name", model.name(), "runs", runsPerJob)).list(this::job));
        }
    }

    /** The given jobs (unknown keys are skipped), each with its latest run. */
    List<JobRow> jobs(List<RunView.JobRef> keys) {
        List<Map<String, Object>> rows = keys.stream()
                .map(k -> Map.<String, Object>of("namespace", k.namespace(), "name", k.name())).toList();
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> tx.run(findJobs, Map.of("jobs", rows)).list(this::job));
        }
    }

    private DatasetRow dataset(Record r) {
        Node d = r.get("dataset").asNode();
        return new DatasetRow(d.get("namespace").asString(), d.get("name").asString(),
                r.get("labels").asList(Value::asString), text(d.get("currentVersion")), facets(d));
    }

    private JobRow job(Record r) {
        Node j = r.get("job").asNode();
        RunView.JobRef ref = new RunView.JobRef(j.get("namespace").asString(), j.get("name").asString());
        return new JobRow(ref, facets(j), r.get("runs").asList(v -> run(v.asNode(), ref)));
    }

    private RunRow run(Node run, RunView.JobRef job) {
        Value start = run.get("startEventTime").isNull() ? run.get("firstEventTime") : run.get("startEventTime");
        return new RunRow(run.get("runId").asString(), text(run.get("state")), time(start), time(run.get("endedAt")),
                job, facets(run));
    }

    private static RunView.JobRef jobRef(Value value) {
        if (value.isNull()) {
            return null;
        }
        Node job = value.asNode();
        return new RunView.JobRef(job.get("namespace").asString(), job.get("name").asString());
    }

    /** Facets are stored one property each as raw JSON; they come back as JSON. */
    private Map<String, JsonNode> facets(MapAccessor properties) {
        Map<String, JsonNode> facets = new TreeMap<>();
        for (String key : properties.keys()) {
            if (key.startsWith(EventParser.FACET_PREFIX)) {
                String raw = properties.get(key).asString();
                JsonNode parsed;
                try {
                    parsed = json.readTree(raw);
                } catch (JsonProcessingException e) {
                    parsed = TextNode.valueOf(raw);
                }
                facets.put(key.substring(EventParser.FACET_PREFIX.length()), parsed);
            }
        }
        return facets;
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }

    private static OffsetDateTime time(Value value) {
        return value.isNull() ? null : value.asOffsetDateTime();
    }
}
