package dev.provenant.web.ui;

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
import org.neo4j.driver.types.Node;

/** The reads of {@link Catalog} (interim, see there), one statement each from {@code cypher/web/}. */
@ApplicationScoped
class CatalogRepository {

    private static final String FACET_PREFIX = "facet.";

    private final Neo4jSessions sessions;
    private final String findRecentRuns;
    private final String findDataset;
    private final String findDatasetRuns;
    private final String findJob;
    private final String findRunIo;
    private final String findModels;

    CatalogRepository(Neo4jSessions sessions, CypherCatalog cypher) {
        this.sessions = sessions;
        this.findRecentRuns = cypher.get("web/find_recent_runs");
        this.findDataset = cypher.get("web/find_dataset");
        this.findDatasetRuns = cypher.get("web/find_dataset_runs");
        this.findJob = cypher.get("web/find_job");
        this.findRunIo = cypher.get("web/find_run_io");
        this.findModels = cypher.get("web/find_models");
    }

    List<Catalog.Run> recentRuns(int limit) {
        return list(findRecentRuns, Map.of("limit", limit), r -> run(r, null));
    }

    List<Catalog.Run> datasetRuns(String namespace, String name, int limit) {
        return list(findDatasetRuns, Map.of("namespace", namespace, "name", name, "limit", limit),
                r -> run(r, r.get("access").asString()));
    }

    Optional<Catalog.Dataset> dataset(String namespace, String name) {
        return list(findDataset, Map.of("namespace", namespace, "name", name), r -> {
            Node d = r.get("dataset").asNode();
            List<Catalog.Field> fields = r.get("fields").asList(v -> new Catalog.Field(v.get("path").asString(),
                    text(v.get("type")), text(v.get("description"))));
            List<Catalog.Version> versions = r.get("versions").asList(v -> new Catalog.Version(
                    v.get("version").asString(), time(v.get("firstSeen")), text(v.get("runId"))));
            return new Catalog.Dataset(d.get("namespace").asString(), d.get("name").asString(),
                    r.get("labels").asList(Value::asString), facets(d), fields, versions);
        }).stream().findFirst();
    }

    Optional<Catalog.Job> job(String namespace, String name, int runs) {
        return list(findJob, Map.of("namespace", namespace, "name", name, "limit", runs), r -> {
            Node j = r.get("job").asNode();
            List<Catalog.Run> list = r.get("runs").asList(v -> new Catalog.Run(v.get("runId").asString(),
                    text(v.get("state")), namespace, name, time(v.get("startedAt")), time(v.get("endedAt")), null));
            return new Catalog.Job(j.get("namespace").asString(), j.get("name").asString(), facets(j), list);
        }).stream().findFirst();
    }

    Catalog.RunDetail runDetail(String runId) {
        return list(findRunIo, Map.of("runId", runId), r -> new Catalog.RunDetail(
                r.get("io").asList(v -> new Catalog.Io(v.get("access").asString(), v.get("namespace").asString(),
                        v.get("name").asString(), text(v.get("version")))),
                r.get("children").asList(v -> new Catalog.Run(v.get("runId").asString(), text(v.get("state")),
                        text(v.get("jobNamespace")), text(v.get("jobName")), null, null, null))))
                .stream().findFirst().orElse(new Catalog.RunDetail(List.of(), List.of()));
    }

    List<Catalog.Model> models(int limit) {
        return list(findModels, Map.of("limit", limit), r -> new Catalog.Model(r.get("namespace").asString(),
                r.get("name").asString()));
    }

    private <T> List<T> list(String statement, Map<String, Object> parameters,
            java.util.function.Function<Record, T> mapper) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> tx.run(statement, parameters).list(mapper::apply));
        }
    }

    private static Catalog.Run run(Record r, String access) {
        return new Catalog.Run(r.get("runId").asString(), text(r.get("state")), text(r.get("jobNamespace")),
                text(r.get("jobName")), time(r.get("startedAt")), time(r.get("endedAt")), access);
    }

    private static Map<String, String> facets(Node node) {
        Map<String, String> facets = new TreeMap<>();
        for (String key : node.keys()) {
            if (key.startsWith(FACET_PREFIX)) {
                facets.put(key.substring(FACET_PREFIX.length()), node.get(key).asString());
            }
        }
        return facets;
    }

    private static String text(Value value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    private static OffsetDateTime time(Value value) {
        return value == null || value.isNull() ? null : value.asOffsetDateTime();
    }
}
