package dev.provenant.analyst;

/** A warning or hint Neo4j gave about the query (deprecations, unknown property keys, cartesian products). */
public record CypherNotification(String code, String title, String description, CypherPosition position) {}
