package dev.provenant.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One dataset as the entity endpoint shows it. {@code pii} is the verdict PII propagation stored on the dataset
 * and on each field (docs/pii.md); list sizes are capped (see {@link EntityRepository}).
 */
public record DatasetView(String namespace, String name, boolean model, boolean feature, Pii pii,
        OffsetDateTime firstSeen, OffsetDateTime lastSeen, String currentVersion, List<Alias> aliases,
        List<FieldView> fields, Map<String, JsonNode> facets, List<Version> versions, List<EntityRef> producers,
        List<EntityRef> consumers, List<DatasetRun> lastRuns) {

    /** Another identity of the dataset (symlinks facet). */
    public record Alias(String namespace, String name, String type) {}

    /** A field with its nested fields. */
    public record FieldView(String name, String path, String type, String description, Pii pii,
            List<FieldView> fields) {}

    /**
     * A stored PII verdict: {@code state} is RAW, PSEUDONYMISED, AGGREGATED, INDIRECT, POSSIBLE or CLEAR (nothing
     * stored), {@code categories} empty when CLEAR. {@code declared} (fields only, absent on the dataset) is true when
     * a steward, the tags facet or a name rule declared the field personal, as in GET /api/v1/pii/dataset.
     */
    public record Pii(String state, List<String> categories,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean declared) {}

    public record Version(String version, OffsetDateTime firstSeen, String runId) {}

    /** A run that read or wrote the dataset: {@code access} is READ or WROTE. */
    public record DatasetRun(String runId, String state, OffsetDateTime startedAt, OffsetDateTime endedAt,
            Long durationMs, RunView.JobRef job, String access, String version) {}
}
