package dev.provenant.ingest;

import dev.provenant.config.ProvenantConfig;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenLineage endpoint pipelines point their HTTP transport at. */
@Path("/api/v1/lineage")
@Tag(name = "ingest")
public class LineageIngestResource {

    private final IngestService ingest;
    private final long maxBytes;

    public LineageIngestResource(IngestService ingest, ProvenantConfig config) {
        this.ingest = ingest;
        this.maxBytes = config.ingest().maxBytes().asLongValue();
    }

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest one OpenLineage RunEvent, JobEvent or DatasetEvent",
            description = "201 once the event is durable; 200 when the same event was already stored.")
    public CompletionStage<Response> ingest(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding) {
        byte[] json = RequestBodies.read(body, contentType, contentEncoding, maxBytes, RequestBodies.JSON_TYPES);
        return ingest.ingestOne(json).thenApply(outcome -> Response
                .status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(outcome).build());
    }

    @POST
    @Path("batch")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest many events: a JSON array or NDJSON (one event per line)",
            description = "201 when every item was stored (or was a duplicate), 207 when some were rejected, 400 when all"
                    + " were; the body lists a result per item.")
    public CompletionStage<Response> ingestBatch(InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding) {
        byte[] payload = RequestBodies.read(body, contentType, contentEncoding, maxBytes, RequestBodies.BATCH_TYPES);
        return ingest.ingestBatch(payload).thenApply(result -> Response.status(result.rejected() == 0 ? 201
                : result.error() != null ? 400 : 207).entity(result).build());
    }
}
