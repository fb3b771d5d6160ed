package dev.provenant.analyst;

import dev.provenant.web.ApiException;

/** A query Neo4j or the endpoint refused, with Neo4j's code and the position in the query when known. */
public class CypherQueryException extends ApiException {

    private final String neo4jCode;
    private final CypherPosition position;

    public CypherQueryException(int status, String code, String message, String neo4jCode, CypherPosition position) {
        super(status, code, message, "query");
        this.neo4jCode = neo4jCode;
        this.position = position;
    }

    /** The error code, for the access log. */
    public String code() {
        return body().error();
    }

    public CypherError error() {
        return new CypherError(body().error(), getMessage(), body().path(), neo4jCode, position);
    }
}
