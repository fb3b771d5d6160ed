package dev.provenant.lineage;

import dev.provenant.web.ApiException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

    private final LineageService lineage;

    public LineageResource(LineageService lineage) {
        this.lineage = lineage;
    }

    @GET
    @Operation(summary = "Upstream and/or downstream lineage of a dataset, job or field (column lineage)",
            description = "depth counts edges from the start node (dataset -> job -> dataset is 2); isPartial is true"
                    + " when depth, maxNodes or the per-node fan-out cap left lineage out.")
    public LineageGraph lineage(@QueryParam("type") String type, @QueryParam("namespace") String namespace,
            @QueryParam("name") String name, @QueryParam("field") String field,
            @QueryParam("direction") @DefaultValue("BOTH") String direction,
            @QueryParam("depth") @DefaultValue("5") int depth,
            @QueryParam("maxNodes") @DefaultValue("2000") int maxNodes,
            @QueryParam("includeStale") @DefaultValue("false") boolean includeStale,
            @QueryParam("asOf") String asOf) {
        LineageQuery.EntityType entity = parseEnum(LineageQuery.EntityType.class, type, "type");
        required(namespace, "namespace");
        required(name, "name");
        if (entity == LineageQuery.EntityType.FIELD) {
            required(field, "field");
        }
        if (depth < 0 || depth > MAX_DEPTH) {
            throw ApiException.badRequest("invalid_value", "depth must be between 0 and " + MAX_DEPTH, "depth");
        }
        if (maxNodes < 1 || maxNodes > MAX_NODES) {
            throw ApiException.badRequest("invalid_value", "maxNodes must be between 1 and " + MAX_NODES, "maxNodes");
        }
        return lineage.lineage(new LineageQuery(entity, namespace, name, field,
                parseEnum(LineageQuery.Direction.class, direction, "direction"), depth, maxNodes, includeStale,
                parseTime(asOf)));
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
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_value", "asOf must be an ISO-8601 date-time with offset, such as"
                    + " 2024-05-01T12:00:00Z", "asOf");
        }
    }
}
