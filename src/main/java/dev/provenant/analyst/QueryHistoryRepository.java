package dev.provenant.analyst;

import dev.provenant.neo4j.CypherCatalog;
import dev.provenant.neo4j.Neo4jSessions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/** Analysts' query history as {@code :QueryHistory} nodes, one per query run, keyed by the caller's name. */
@ApplicationScoped
class QueryHistoryRepository {

    private final Neo4jSessions sessions;
    private final String create;
    private final String prune;
    private final String find;
    private final String findEntry;

    QueryHistoryRepository(Neo4jSessions sessions, CypherCatalog cypher) {
        this.sessions = sessions;
        this.create = cypher.get("history/create_query_history");
        this.prune = cypher.get("history/prune_query_history");
        this.find = cypher.get("history/find_query_history");
        this.findEntry = cypher.get("history/find_query_history_entry");
    }

    /** Records the entry and drops the caller's entries beyond the newest {@code keep}, in one transaction. */
    void record(String caller, String callerId, QueryHistoryEntry entry, int keep) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", entry.id());
        params.put("caller", caller);
        params.put("callerId", callerId);
        params.put("query", entry.query());
        params.put("libraryQuery", entry.libraryQuery());
        params.put("parameters", entry.parameters());
        params.put("ranAt", entry.ranAt());
        params.put("outcome", entry.outcome());
        params.put("rows", entry.rows());
        params.put("elapsedMs", entry.elapsedMs());
        try (Session session = sessions.writeSession()) {
            session.executeWriteWithoutResult(tx -> {
                tx.run(create, params).consume();
                tx.run(prune, Map.of("caller", caller, "keep", keep)).consume();
            });
        }
    }

    List<QueryHistoryEntry> find(String caller, int limit) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> tx.run(find, Map.of("caller", caller, "limit", limit))
                    .list(QueryHistoryRepository::entry));
        }
    }

    Optional<QueryHistoryEntry> find(String caller, String id) {
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> tx.run(findEntry, Map.of("caller", caller, "id", id)).list().stream()
                    .findFirst().map(QueryHistoryRepository::entry));
        }
    }

    private static QueryHistoryEntry entry(Record r) {
        return new QueryHistoryEntry(r.get("id").asString(), r.get("query").asString(null),
                r.get("libraryQuery").asString(null), r.get("parameters").asString("{}"),
                r.get("ranAt").asOffsetDateTime(), r.get("outcome").asString(), r.get("rows").asLong(0),
                r.get("elapsedMs").asLong(0));
    }
}
