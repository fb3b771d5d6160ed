package dev.provenant.web;

import dev.provenant.neo4j.DatabaseAvailability;
import dev.provenant.neo4j.DatabaseFailures;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure of a JSON endpoint into the {@link ApiError} shape. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    private final DatabaseAvailability database;

    public ApiExceptionMappers(DatabaseAvailability database) {
        this.database = database;
    }

    @ServerExceptionMapper
    public Response mapApi(ApiException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(e.body());
        if (e.retryAfter() != null) {
            response.header("Retry-After", Math.max(1, e.retryAfter().toSeconds()));
        }
        return response.build();
    }

    /** 404, 405, 406, 415 and friends raised by the REST layer itself. */
    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(code, e.getMessage(), null))
                .build();
    }

    @ServerExceptionMapper
    public Response mapUnexpected(RuntimeException e) {
        if (DatabaseFailures.isUnavailable(e)) {
            database.markUnavailable(e);
            return mapApi(ApiException.unavailable("database_unavailable", "Neo4j is unavailable; retry after the delay",
                    java.time.Duration.ofSeconds(5)));
        }
        LOG.error("Unexpected failure", e);
        return Response.serverError().type(MediaType.APPLICATION_JSON)
                .entity(new ApiError("internal_error", "the server failed to handle the request; see its log", null))
                .build();
    }
}
