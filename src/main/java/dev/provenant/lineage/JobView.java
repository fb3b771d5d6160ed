package dev.provenant.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One job as the entity endpoint shows it: its inputs and outputs, its latest runs, and the source code
 * location and SQL from the {@code sourceCodeLocation} and {@code sql} job facets (null when not sent).
 */
public record JobView(String namespace, String name, OffsetDateTime firstSeen, OffsetDateTime lastSeen,
        List<EntityRef> inputs, List<EntityRef> outputs, List<JobRun> runs, JsonNode sourceCodeLocation, String sql,
        Map<String, JsonNode> facets) {

    public record JobRun(String runId, String state, OffsetDateTime startedAt, OffsetDateTime endedAt, Long durationMs,
            String errorMessage) {}
}
