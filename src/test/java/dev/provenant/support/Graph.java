package dev.provenant.support;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/** Direct Cypher reads against the test application's real database, for asserting the graph. */
public final class Graph {

    private final Driver driver;

    public Graph(Driver driver) {
        this.driver = driver;
    }

    public List<Record> query(String cypher, Map<String, Object> parameters) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher, parameters).list());
        }
    }

    public List<Record> query(String cypher) {
        return query(cypher, Map.of());
    }

    public long count(String cypher, Map<String, Object> parameters) {
        return query(cypher, parameters).get(0).get(0).asLong();
    }

    public long count(String cypher) {
        return count(cypher, Map.of());
    }
}
