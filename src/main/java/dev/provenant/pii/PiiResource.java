package dev.provenant.pii;

import dev.provenant.pii.PiiViews.BarrierRequest;
import dev.provenant.pii.PiiViews.BarrierView;
import dev.provenant.pii.PiiViews.DatasetView;
import dev.provenant.pii.PiiViews.DeclarationRequest;
import dev.provenant.pii.PiiViews.DeclarationView;
import dev.provenant.pii.PiiViews.ErasureView;
import dev.provenant.pii.PiiViews.JobView;
import dev.provenant.pii.PiiViews.ModelView;
import dev.provenant.pii.PiiViews.OverviewView;
import dev.provenant.web.QueryParams;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where personal data is, in what form and why; stewards' declarations and barriers. See docs/pii.md. */
@Path("/api/v1/pii")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "pii")
@Blocking
public class PiiResource {

    private static final String HISTORY = "Over current lineage by default (the stored verdicts). includeStale=true"
            + " propagates over every lineage edge ever reported, asOf=<ISO-8601 date-time> over the edges that"
            + " existed then; both are computed when asked, with today's declarations and barriers.";

    private final PiiService pii;

    public PiiResource(PiiService pii) {
        this.pii = pii;
    }

    @GET
    @Path("dataset")
    @Operation(summary = "PII state of a dataset and each of its fields, with the evidence path of every verdict",
            description = HISTORY)
    public DatasetView dataset(@QueryParam("namespace") String namespace, @QueryParam("name") String name,
            @QueryParam("includeStale") @DefaultValue("false") boolean includeStale, @QueryParam("asOf") String asOf) {
        return pii.dataset(namespace, name, edges(includeStale, asOf));
    }

    @GET
    @Path("model")
    @Operation(summary = "Worst PII state among everything upstream of a model (its training data), with categories",
            description = HISTORY)
    public ModelView model(@QueryParam("namespace") String namespace, @QueryParam("name") String name,
            @QueryParam("includeStale") @DefaultValue("false") boolean includeStale, @QueryParam("asOf") String asOf) {
        return pii.model(namespace, name, edges(includeStale, asOf));
    }

    @GET
    @Path("job")
    @Operation(summary = "Which personal data a job reads and writes")
    public JobView job(@QueryParam("namespace") String namespace, @QueryParam("name") String name) {
        return pii.job(namespace, name);
    }

    @GET
    @Path("erasure-impact")
    @Operation(summary = "Every downstream field holding RAW or PSEUDONYMISED copies of a dataset's personal data"
            + " (or of one field), with paths", description = HISTORY)
    public ErasureView erasureImpact(@QueryParam("namespace") String namespace, @QueryParam("name") String name,
            @QueryParam("field") String field,
            @QueryParam("includeStale") @DefaultValue("false") boolean includeStale, @QueryParam("asOf") String asOf) {
        return pii.erasureImpact(namespace, name, field, edges(includeStale, asOf));
    }

    @GET
    @Path("overview")
    @Operation(summary = "Counts by state and category, declared sources, most exposed datasets")
    public OverviewView overview() {
        return pii.overview();
    }

    @GET
    @Path("declarations")
    public List<DeclarationView> declarations() {
        return pii.declarations();
    }

    @POST
    @Path("declarations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A steward declares a field personal (categories) or not personal (personal: false)",
            description = "Answers once the change has been propagated.")
    public Response declare(DeclarationRequest request) {
        return Response.status(Response.Status.CREATED).entity(pii.declare(request)).build();
    }

    @DELETE
    @Path("declarations")
    public Response undeclare(@QueryParam("namespace") String namespace, @QueryParam("name") String name,
            @QueryParam("field") String field) {
        pii.undeclare(namespace, name, field);
        return Response.noContent().build();
    }

    @GET
    @Path("barriers")
    public List<BarrierView> barriers() {
        return pii.barriers();
    }

    @POST
    @Path("barriers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A steward marks a job as an approved anonymiser: nothing propagates through it")
    public Response addBarrier(BarrierRequest request) {
        return Response.status(Response.Status.CREATED).entity(pii.addBarrier(request)).build();
    }

    @DELETE
    @Path("barriers")
    public Response removeBarrier(@QueryParam("namespace") String namespace, @QueryParam("name") String name) {
        pii.removeBarrier(namespace, name);
        return Response.noContent().build();
    }

    @POST
    @Path("recompute")
    @Operation(summary = "Recomputes every verdict (after changing name rules); answers when done")
    public PiiPropagator.Status recompute() {
        return pii.recompute();
    }

    @GET
    @Path("status")
    @Operation(summary = "Whether propagation has caught up with everything ingested and declared (idle)")
    public PiiPropagator.Status status() {
        return pii.status();
    }

    private static PiiRefs.Edges edges(boolean includeStale, String asOf) {
        return new PiiRefs.Edges(includeStale, QueryParams.time(asOf, "asOf"));
    }
}
