package dev.provenant.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A run as the API shows it. {@code state} is the last state by the order-free rule (null while only a
 * child has mentioned it as parent); {@code facets} are the run facets as sent, merged over its events.
 */
public record RunView(String runId, String state, OffsetDateTime startedAt, OffsetDateTime endedAt, JobRef job,
        ParentRef parent, String errorMessage, Map<String, JsonNode> facets) {

    public record JobRef(String namespace, String name) {}

    public record ParentRef(String runId, String state, JobRef job) {}
}
