package dev.provenant.ml;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Administration of the model/feature classification. */
@Path("/api/v1/ml")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models")
public class MlResource {

    private final MlClassification classification;

    public MlResource(MlClassification classification) {
        this.classification = classification;
    }

    @POST
    @Path("/reclassify")
    @Operation(summary = "Re-apply the datasetType facet and the configured model/feature rules to every dataset",
            description = "Labels that neither the facet nor a rule supports are removed. Start-up does the same"
                    + " automatically when the rules changed since the last classification.")
    public Reclassification reclassify() {
        return classification.reclassify();
    }
}
