package dev.provenant.analyst;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Cypher for analysts: read-only queries, ad hoc or from the curated library, as JSON or CSV. */
@Path("/api/v1/cypher")
@Tag(name = "analyst")
public class CypherConsoleResource {

    static final String TEXT_CSV = "text/csv";
    /** Until the security feature names callers, every valid bearer token is the admin token. */
    static final String DEFAULT_CALLER = "admin";

    private final CypherConsoleService service;
    private final ObjectMapper json;

    public CypherConsoleResource(CypherConsoleService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @Operation(summary = "Run a read-only Cypher query or a library query; JSON, or CSV with Accept: text/csv")
    public Response run(CypherRequest request, @Context HttpHeaders headers, @Context SecurityContext security) {
        CypherAnswer answer = service.run(request, caller(security));
        if (!wantsCsv(headers.getAcceptableMediaTypes())) {
            return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
        }
        String file = request.libraryQuery() == null || request.libraryQuery().isBlank() ? "query"
                : request.libraryQuery().replaceAll("[^A-Za-z0-9_-]", "_");
        return Response.ok(CsvWriter.write(answer.columns(), answer.rows(), json), TEXT_CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
                .header("X-Provenant-Truncated", answer.truncated())
                .header("X-Provenant-Elapsed-Ms", answer.elapsedMs())
                .build();
    }

    @GET
    @Path("library")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The curated analyst queries: id, title, description, parameters with types and defaults")
    public List<LibraryQuery> library() {
        return service.library();
    }

    @ServerExceptionMapper
    public Response mapCypher(CypherQueryException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(e.error()).build();
    }

    /** CSV only when the client prefers it to JSON; {@code *}{@code /*} and no Accept header get JSON. */
    private static boolean wantsCsv(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(MediaType.valueOf(TEXT_CSV))) {
                return true;
            }
        }
        return false;
    }

    private static String caller(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        return principal == null || principal.getName() == null || principal.getName().isBlank() ? DEFAULT_CALLER
                : principal.getName();
    }
}
