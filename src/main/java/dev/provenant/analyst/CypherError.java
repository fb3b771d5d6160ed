package dev.provenant.analyst;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The error shape of the Cypher endpoint: the API's {@code {error, message, path}} plus, when Neo4j
 * gave them, its status code and the position of the problem in the query.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CypherError(@JsonInclude(JsonInclude.Include.ALWAYS) String error,
        @JsonInclude(JsonInclude.Include.ALWAYS) String message, @JsonInclude(JsonInclude.Include.ALWAYS) String path,
        String neo4jCode, CypherPosition position) {}
