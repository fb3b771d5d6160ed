package dev.provenant.lineage;

import dev.provenant.neo4j.CypherCatalog;
import dev.provenant.neo4j.Neo4jSessions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/** The bounded, one-level-at-a-time reads behind lineage traversal and path search, one transaction per request. */
@ApplicationScoped
class LineageGraphRepository {

    /**
     * A node reached by a query, with the edge that reached it ({@code fromId} is the frontier node); {@code beyond}
     * is a neighbour of that node one step further, or null (none, or the query did not look ahead).
     */
    record Hop(String fromId, String id, List<String> labels, String namespace, String name, String field,
            String type, String subtype, Boolean masking, String jobNamespace, String jobName, boolean current,
            String beyond) {}

    /** The node a traversal starts from. */
    record Start(String id, List<String> labels, String namespace, String name, String field) {}

    private final Neo4jSessions sessions;
    private final Map<LineageQuery.EntityType, String> find = new HashMap<>();
    private final String datasetsUpstream;
    private final String datasetsDownstream;
    private final String fieldsUpstream;
    private final String fieldsDownstream;

    LineageGraphRepository(Neo4jSessions sessions, CypherCatalog cypher) {
        this.sessions = sessions;
        find.put(LineageQuery.EntityType.DATASET, cypher.get("lineage/find_dataset_node"));
        find.put(LineageQuery.EntityType.JOB, cypher.get("lineage/find_job_node"));
        find.put(LineageQuery.EntityType.FIELD, cypher.get("lineage/find_field_node"));
        this.datasetsUpstream = cypher.get("lineage/expand_upstream");
        this.datasetsDownstream = cypher.get("lineage/expand_downstream");
        this.fieldsUpstream = cypher.get("lineage/expand_fields_upstream");
        this.fieldsDownstream = cypher.get("lineage/expand_fields_downstream");
    }

    /**
     * The reads of one lineage request. All of them run in the one read transaction {@link #read} opens: a
     * transaction round trip costs far more than a level's query on a busy machine (see docs/benchmarks.md).
     */
    interface Reads {

        Optional<Start> start(LineageQuery.EntityType type, String namespace, String name, String field);

        /**
         * One level: at most {@code limit} neighbours per frontier node, in the given flow direction; with
         * {@code lookAhead}, each hop also carries one neighbour one step further ({@link Hop#beyond}).
         */
        List<Hop> expand(boolean fields, boolean upstream, List<String> frontier, int limit, boolean lookAhead,
                boolean includeStale, OffsetDateTime asOf);
    }

    /**
     * Runs {@code work} inside one read transaction. The driver may run it again on a transient failure, so it
     * must keep its state inside the callback.
     */
    <T> T read(Function<Reads, T> work) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> work.apply(new TransactionRepository(tx)));
        }
    }

    /** {@link Reads} bound to one open transaction. */
    private final class TransactionRepository implements Reads {

        private final TransactionContext tx;

        TransactionRepository(TransactionContext tx) {
            this.tx = tx;
        }

        @Override
        public Optional<Start> start(LineageQuery.EntityType type, String namespace, String name, String field) {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("namespace", namespace);
            parameters.put("name", name);
            parameters.put("field", field);
            var result = tx.run(find.get(type), parameters);
            if (!result.hasNext()) {
                return Optional.empty();
            }
            Record r = result.next();
            return Optional.of(new Start(r.get("id").asString(), r.get("labels").asList(Value::asString),
                    r.get("namespace").asString(), r.get("name").asString(),
                    r.containsKey("field") ? r.get("field").asString() : null));
        }

        @Override
        public List<Hop> expand(boolean fields, boolean upstream, List<String> frontier, int limit,
                boolean lookAhead, boolean includeStale, OffsetDateTime asOf) {
            String cypher = fields ? (upstream ? fieldsUpstream : fieldsDownstream)
                    : (upstream ? datasetsUpstream : datasetsDownstream);
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("ids", frontier);
            parameters.put("limit", limit);
            parameters.put("lookAhead", lookAhead);
            parameters.put("includeStale", includeStale);
            parameters.put("asOf", asOf);
            return tx.run(cypher, parameters).list(r -> fields ? fieldHop(r) : datasetHop(r));
        }
    }

    private static Hop datasetHop(Record r) {
        return new Hop(r.get("fromId").asString(), r.get("id").asString(), r.get("labels").asList(Value::asString),
                r.get("namespace").asString(), r.get("name").asString(), null, r.get("relation").asString(), null, null,
                null, null, r.get("current").asBoolean(false), beyond(r));
    }

    private static Hop fieldHop(Record r) {
        return new Hop(r.get("fromId").asString(), r.get("id").asString(), r.get("labels").asList(Value::asString),
                r.get("namespace").asString(), r.get("name").asString(), r.get("field").asString(),
                r.get("type").asString(), r.get("subtype").asString(null), r.get("masking").asBoolean(false),
                r.get("jobNamespace").asString(), r.get("jobName").asString(), r.get("current").asBoolean(false), beyond(r));
    }

    private static String beyond(Record r) {
        List<String> beyond = r.get("beyond").asList(Value::asString);
        return beyond.isEmpty() ? null : beyond.get(0);
    }
}
