package dev.provenant.compliance;

import dev.provenant.compliance.ComplianceViews.ModelDocumentation;
import dev.provenant.compliance.ComplianceViews.ProcessingRecord;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Compliance outputs: model documentation, records of processing, audit packages. See docs/compliance.md. */
@Path("/api/v1/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "compliance")
@Blocking
public class ComplianceResource {

    static final String MANIFEST_HEADER = "X-Manifest-SHA256";

    private final ComplianceService compliance;
    private final AuditPackageService packages;

    public ComplianceResource(ComplianceService compliance, AuditPackageService packages) {
        this.compliance = compliance;
        this.packages = packages;
    }

    @GET
    @Path("model-documentation")
    @Operation(summary = "Documentation of a model (EU AI Act Annex IV / model card style): training data and"
            + " lineage, personal data with evidence, sources and owners, code, parameters, metrics, runs")
    public ModelDocumentation modelDocumentation(@QueryParam("namespace") String namespace,
            @QueryParam("name") String name) {
        return compliance.modelDocumentation(namespace, name);
    }

    @GET
    @Path("processing-record")
    @Operation(summary = "Record of processing (GDPR Art. 30 style) for one personal data category: the"
            + " datasets, jobs and models that process it")
    public ProcessingRecord processingRecord(@QueryParam("category") String category) {
        return compliance.processingRecord(category);
    }

    @GET
    @Path("audit-package")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @Operation(summary = "Zip of the reports, raw events and access log extract of a dataset or model and its"
            + " upstream, with MANIFEST.sha256 (admin only)",
            description = "The X-Manifest-SHA256 header is the SHA-256 of MANIFEST.sha256; verify offline with"
                    + " `cd pkg && sha256sum -c MANIFEST.sha256`.")
    public Response auditPackage(@QueryParam("namespace") String namespace, @QueryParam("name") String name) {
        AuditPackageService.AuditPackage built = packages.build(namespace, name);
        StreamingOutput body = out -> AuditPackageService.stream(built, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + built.fileName() + "\"")
                .header(MANIFEST_HEADER, built.manifestSha256())
                .build();
    }
}
