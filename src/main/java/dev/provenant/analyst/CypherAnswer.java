package dev.provenant.analyst;

import java.util.List;

/**
 * The answer of {@code POST /api/v1/cypher}: column names, rows in column order (values as readable
 * JSON), whether the row cap cut it, how long it took, and Neo4j's notifications about the query.
 */
public record CypherAnswer(List<String> columns, List<List<Object>> rows, boolean truncated, long elapsedMs,
        List<CypherNotification> notifications) {}
