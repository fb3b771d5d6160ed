package dev.provenant.ml;

import dev.provenant.web.ApiException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Models (datasets labelled :Model) and their training lineage. */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models")
public class ModelResource {

    static final int MAX_LIMIT = 1000;

    private final ModelService models;

    public ModelResource(ModelService models) {
        this.models = models;
    }

    @GET
    @Operation(summary = "Models with their training runs and upstream datasets; with namespace and name, one model"
            + " with its full training lineage",
            description = "One model: 404 when the dataset is unknown or is not a model. The list is ordered by"
                    + " namespace and name, paged with offset and limit.")
    public Object models(@QueryParam("namespace") String namespace, @QueryParam("name") String name,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
        boolean hasNamespace = namespace != null && !namespace.isBlank();
        boolean hasName = name != null && !name.isBlank();
        if (hasNamespace != hasName) {
            String missing = hasNamespace ? "name" : "namespace";
            throw ApiException.badRequest("missing_parameter", missing + " is required with "
                    + (hasNamespace ? "namespace" : "name"), missing);
        }
        if (hasNamespace) {
            return models.model(namespace, name);
        }
        if (offset < 0) {
            throw ApiException.badRequest("invalid_value", "offset must not be negative", "offset");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("invalid_value", "limit must be between 1 and " + MAX_LIMIT, "limit");
        }
        return models.list(offset, limit);
    }
}
