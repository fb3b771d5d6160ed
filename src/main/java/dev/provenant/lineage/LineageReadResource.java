package dev.provenant.lineage;

import dev.provenant.web.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Read endpoints over the lineage graph. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "lineage")
public class LineageReadResource {

    private final LineageReadRepository repository;

    public LineageReadResource(LineageReadRepository repository) {
        this.repository = repository;
    }

    @GET
    @Path("stats")
    @Operation(summary = "Counts of events, datasets, fields, jobs, runs and models")
    public Stats stats() {
        return repository.stats();
    }

    @GET
    @Path("runs")
    @Operation(summary = "One run by its runId: state, start and end, job, parent, facets")
    public RunView run(@QueryParam("runId") String runId) {
        if (runId == null || runId.isBlank()) {
            throw ApiException.badRequest("missing_parameter", "runId is required", "runId");
        }
        return repository.run(runId).orElseThrow(() -> ApiException.notFound("no run with runId " + runId));
    }
}
