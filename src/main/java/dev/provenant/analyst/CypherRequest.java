package dev.provenant.analyst;

import java.util.Map;

/**
 * The body of {@code POST /api/v1/cypher}: either an ad-hoc {@code query} or the id of a
 * {@code libraryQuery}, never both, with its {@code parameters}.
 */
public record CypherRequest(String query, String libraryQuery, Map<String, Object> parameters) {}
