package dev.provenant.analyst;

/** Where in the query text Neo4j found a problem: 1-based line and column, 0-based character offset. */
public record CypherPosition(int line, int column, int offset) {}
