package dev.provenant.lineage;

import dev.provenant.neo4j.CypherCatalog;
import dev.provenant.neo4j.Neo4jSessions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/** Reads of the lineage graph behind the stats and run endpoints. */
@ApplicationScoped
class LineageReadRepository {

    /** Most versions read, versions written and child runs shown for one run. */
    static final int RUN_LIST_LIMIT = 1000;

    private final Neo4jSessions sessions;
    private final FacetReader facets;
    private final String countEntities;
    private final String findRun;

    LineageReadRepository(Neo4jSessions sessions, CypherCatalog cypher, FacetReader facets) {
        this.sessions = sessions;
        this.facets = facets;
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
                var result = tx.run(findRun, Map.of("runId", runId, "limit", RUN_LIST_LIMIT));
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
        OffsetDateTime startedAt = time(start);
        OffsetDateTime endedAt = time(run.get("endedAt"));
        return new RunView(run.get("runId").asString(), text(run.get("state")), startedAt, endedAt,
                durationMs(startedAt, endedAt), job(r.get("job")), parent, text(run.get("errorMessage")),
                facets.facets(run.asMap()), r.get("inputs").asList(LineageReadRepository::version),
                r.get("outputs").asList(LineageReadRepository::version),
                r.get("children").asList(c -> new RunView.ChildRef(c.get("runId").asString(), text(c.get("state")),
                        new RunView.JobRef(c.get("jobNamespace").asString(null), c.get("jobName").asString(null)))));
    }

    private static RunView.VersionRef version(Value v) {
        return new RunView.VersionRef(v.get("namespace").asString(), v.get("name").asString(),
                v.get("version").asString());
    }

    private static RunView.JobRef job(Value value) {
        if (value.isNull()) {
            return null;
        }
        Node job = value.asNode();
        return new RunView.JobRef(job.get("namespace").asString(), job.get("name").asString());
    }

    /** Null unless both ends are known (a run still going, or one only seen ending, has no duration). */
    static Long durationMs(OffsetDateTime startedAt, OffsetDateTime endedAt) {
        return startedAt == null || endedAt == null ? null : Duration.between(startedAt, endedAt).toMillis();
    }

    static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }

    static OffsetDateTime time(Value value) {
        return value.isNull() ? null : value.asOffsetDateTime();
    }
}
