package dev.provenant.lineage;

import dev.provenant.web.ApiException;
import dev.provenant.web.QueryParams;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lineage of a dataset, job or field, walked in flow direction with explicit bounds. */
@Path("/api/v1/lineage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "lineage")
public class LineageResource {

    static final int MAX_DEPTH = 100;
    static final int MAX_NODES = 100_000;

    static final int MAX_PATH_DEPTH = 100;

    private final LineageService lineage;
    private final LineagePathService paths;

    public LineageResource(LineageService lineage, LineagePathService paths) {
        this.lineage = lineage;
        this.paths = paths;
    }

    @GET
    @Operation(summary = "Upstream and/or downstream lineage of a dataset, job or field (column lineage)",
            description = "depth counts edges from the start node (dataset -> job -> dataset is 2); isPartial is true"
                    + " when depth, maxNodes or the per-node fan-out cap left lineage out.")
    public LineageGraph lineage(@QueryParam("type") String type, @QueryParam("namespace") String namespace,
            @QueryParam("name") String name, @QueryParam("field") String field,
            @QueryParam("direction") @DefaultValue("BOTH") String direction,
            @QueryParam("depth") String depthText,
            @QueryParam("maxNodes") String maxNodesText,
            @QueryParam("includeStale") @DefaultValue("false") boolean includeStale,
            @QueryParam("asOf") String asOf) {
        LineageQuery.EntityType entity = parseEnum(LineageQuery.EntityType.class, type, "type");
        required(namespace, "namespace");
        required(name, "name");
        if (entity == LineageQuery.EntityType.FIELD) {
            required(field, "field");
        }
        int depth = QueryParams.integer(depthText, 5, 0, MAX_DEPTH, "depth");
        int maxNodes = QueryParams.integer(maxNodesText, 2000, 1, MAX_NODES, "maxNodes");
        return lineage.lineage(new LineageQuery(entity, namespace, name, field,
                parseEnum(LineageQuery.Direction.class, direction, "direction"), depth, maxNodes, includeStale,
                parseTime(asOf)));
    }

    @GET
    @Path("path")
    @Operation(summary = "The shortest flow path (upstream to downstream) from one dataset, job or field to another",
            description = "Nodes in path order, edges in flow direction; 404 when no path exists within maxDepth edges."
                    + " Both ends are datasets/jobs, or both are fields (column lineage).")
    public LineageGraph path(@QueryParam("fromType") String fromType, @QueryParam("fromNamespace") String fromNamespace,
            @QueryParam("fromName") String fromName, @QueryParam("fromField") String fromField,
            @QueryParam("toType") String toType, @QueryParam("toNamespace") String toNamespace,
            @QueryParam("toName") String toName, @QueryParam("toField") String toField,
            @QueryParam("includeStale") @DefaultValue("false") boolean includeStale,
            @QueryParam("asOf") String asOf,
            @QueryParam("maxDepth") String maxDepthText) {
        PathQuery.Endpoint from = endpoint("from", fromType, fromNamespace, fromName, fromField);
        PathQuery.Endpoint to = endpoint("to", toType, toNamespace, toName, toField);
        if ((from.type() == LineageQuery.EntityType.FIELD) != (to.type() == LineageQuery.EntityType.FIELD)) {
            throw ApiException.badRequest("invalid_value", "a path joins two fields (column lineage) or two"
                    + " datasets/jobs, not a field and a " + (from.type() == LineageQuery.EntityType.FIELD
                            ? to.type().label() : from.type().label()), "toType");
        }
        int maxDepth = QueryParams.integer(maxDepthText, 20, 1, MAX_PATH_DEPTH, "maxDepth");
        return paths.path(new PathQuery(from, to, includeStale, parseTime(asOf), maxDepth));
    }

    private static PathQuery.Endpoint endpoint(String side, String type, String namespace, String name, String field) {
        LineageQuery.EntityType entity = parseEnum(LineageQuery.EntityType.class, type, side + "Type");
        required(namespace, side + "Namespace");
        required(name, side + "Name");
        if (entity == LineageQuery.EntityType.FIELD) {
            required(field, side + "Field");
        } else if (field != null && !field.isBlank()) {
            throw ApiException.badRequest("invalid_value", side + "Field is only allowed with " + side
                    + "Type=field", side + "Field");
        }
        return new PathQuery.Endpoint(entity, namespace, name, entity == LineageQuery.EntityType.FIELD ? field : null);
    }

    private static void required(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("missing_parameter", parameter + " is required", parameter);
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String parameter) {
        required(value, parameter);
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_value", parameter + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT), parameter);
        }
    }

    private static OffsetDateTime parseTime(String value) {
        return QueryParams.time(value, "asOf");
    }
}
