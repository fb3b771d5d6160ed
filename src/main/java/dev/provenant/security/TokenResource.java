package dev.provenant.security;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Token management for admins. */
@Path("/api/v1/admin/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class TokenResource {

    private final TokenService tokens;
    private final CurrentCaller caller;

    public TokenResource(TokenService tokens, CurrentCaller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a token with a role; its secret is in this answer only")
    public Response issue(TokenService.TokenRequest request) {
        return Response.status(Response.Status.CREATED).entity(tokens.issue(request, caller.require())).build();
    }

    @GET
    @Operation(summary = "Every token, revoked and expired ones included, without secrets")
    public List<TokenInfo> list() {
        return tokens.list();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a token; it stops working at once on this instance")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(id, caller.require());
        return Response.noContent().build();
    }
}
