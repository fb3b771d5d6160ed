package dev.provenant.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.provenant.ingest.EventParser;
import dev.provenant.neo4j.CypherCatalog;
import dev.provenant.neo4j.Neo4jSessions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/** Reads of the lineage graph behind the stats and run endpoints. */
@ApplicationScoped
class LineageReadRepository {

    private final Neo4jSessions sessions;
    private final ObjectMapper json;
    private final String countEntities;
    private final String findRun;

    LineageReadRepository(Neo4jSessions sessions, CypherCatalog cypher, ObjectMapper json) {
        this.sessions = sessions;
        this.json = json;
        this.countEntities = cypher.get("lineage/count_entities");
        this.findRun = cypher.get("lineage/find_run");
    }

    Stats stats() {
        try (Session session = sessions.readSession()) {
            Record r = session.executeRead(tx -> tx.run(countEntities).single());
            return new Stats(r.get("events").asLong(), r.get("datasets").asLong(), r.get("fields").asLong(),
                    r.get("jobs").asLong(), r.get("runs").asLong(), r.get("models").asLong());
        }
    }

    Optional<RunView> run(String runId) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> {
                var result = tx.run(findRun, Map.of("runId", runId));
                return result.hasNext() ? Optional.of(toRun(result.next())) : Optional.empty();
            });
        }
    }

    private RunView toRun(Record r) {
        Node run = r.get("run").asNode();
        RunView.ParentRef parent = null;
        if (!r.get("parent").isNull()) {
            Node p = r.get("parent").asNode();
            parent = new RunView.ParentRef(p.get("runId").asString(), text(p.get("state")), job(r.get("parentJob")));
        }
        Value start = run.get("startEventTime").isNull() ? run.get("firstEventTime") : run.get("startEventTime");
        return new RunView(run.get("runId").asString(), text(run.get("state")), time(start), time(run.get("endedAt")),
                job(r.get("job")), parent, text(run.get("errorMessage")), facets(run));
    }

    private static RunView.JobRef job(Value value) {
        if (value.isNull()) {
            return null;
        }
        Node job = value.asNode();
        return new RunView.JobRef(job.get("namespace").asString(), job.get("name").asString());
    }

    /** Facets are stored one property each as raw JSON; they come back as JSON. */
    private Map<String, JsonNode> facets(Node node) {
        Map<String, JsonNode> facets = new TreeMap<>();
        for (String key : node.keys()) {
            if (key.startsWith(EventParser.FACET_PREFIX)) {
                String raw = node.get(key).asString();
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
