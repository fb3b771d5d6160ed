package dev.provenant.analyst;

import java.util.List;

/** What the repository read: columns, rows (at most the cap), whether more were left, Neo4j's notifications. */
record QueryRows(List<String> columns, List<List<Object>> rows, boolean truncated,
        List<CypherNotification> notifications) {}
