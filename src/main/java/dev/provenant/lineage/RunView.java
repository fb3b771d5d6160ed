package dev.provenant.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A run as the API shows it. {@code state} is the last state by the order-free rule (null while only a
 * child has mentioned it as parent); {@code facets} are the run facets as sent, merged over its events;
 * {@code inputs}/{@code outputs} are the dataset versions it read and wrote, {@code children} the runs that
 * name it as parent.
 */
public record RunView(String runId, String state, OffsetDateTime startedAt, OffsetDateTime endedAt, Long durationMs,
        JobRef job, ParentRef parent, String errorMessage, Map<String, JsonNode> facets, List<VersionRef> inputs,
        List<VersionRef> outputs, List<ChildRef> children) {

    public record JobRef(String namespace, String name) {}

    public record ParentRef(String runId, String state, JobRef job) {}

    public record VersionRef(String namespace, String name, String version) {}

    public record ChildRef(String runId, String state, JobRef job) {}
}
