package dev.provenant.lineage;

import dev.provenant.neo4j.CypherCatalog;
import dev.provenant.neo4j.Neo4jSessions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;

/** Full-text search over entity names (index {@code entity_names}). */
@ApplicationScoped
class SearchRepository {

    private final Neo4jSessions sessions;
    private final String search;

    SearchRepository(Neo4jSessions sessions, CypherCatalog cypher) {
        this.sessions = sessions;
        this.search = cypher.get("lineage/search_entities");
    }

    /**
     * Without a type the index itself stops at {@code limit} hits; with a type the hits are filtered after the
     * index, so the index is not limited (the answer would otherwise miss rare kinds behind many fields).
     */
    List<SearchResults.Hit> search(String luceneQuery, String type, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("query", luceneQuery);
        parameters.put("type", type);
        parameters.put("options", type == null ? Map.of("limit", limit) : Map.of());
        parameters.put("limit", limit);
        try (Session session = sessions.readSession()) {
            return session.executeRead(tx -> tx.run(search, parameters).list(r -> new SearchResults.Hit(
                    r.get("kind").asString(), r.get("namespace").asString(), r.get("name").asString(),
                    r.get("field").asString(null), r.get("score").asDouble())));
        }
    }
}
