package dev.provenant.lineage;

import java.time.OffsetDateTime;

/**
 * A shortest-path request: two endpoints of the same graph (datasets and jobs, or fields), followed in flow
 * direction from {@code from} to {@code to} for at most {@code maxDepth} edges.
 */
public record PathQuery(Endpoint from, Endpoint to, boolean includeStale, OffsetDateTime asOf, int maxDepth) {

    /** One end of the path; {@code field} only for type FIELD. */
    public record Endpoint(LineageQuery.EntityType type, String namespace, String name, String field) {

        String describe() {
            return type.label() + " " + namespace + " / " + name + (field == null ? "" : " / " + field);
        }
    }

    boolean fields() {
        return from.type() == LineageQuery.EntityType.FIELD;
    }
}
