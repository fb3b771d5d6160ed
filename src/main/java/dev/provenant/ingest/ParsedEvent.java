package dev.provenant.ingest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A validated OpenLineage event, ready to be written. {@code canonicalJson} is the event with sorted
 * keys and no insignificant whitespace; {@code hash} is its SHA-256 and identifies the event.
 */
public record ParsedEvent(
        EventKind kind,
        String eventType,
        OffsetDateTime eventTime,
        String producer,
        String schemaUrl,
        Run run,
        Job job,
        List<DatasetSnapshot> inputs,
        List<DatasetSnapshot> outputs,
        DatasetSnapshot dataset,
        byte[] canonicalJson,
        String hash) {

    public record Job(String namespace, String name, Map<String, String> facets) {}

    public record Run(String runId, Map<String, String> facets, ParentRun parent, String errorMessage) {}

    public record ParentRun(String runId, String jobNamespace, String jobName) {}

    /** Rough in-memory size, used to bound the write queue. */
    public long weight() {
        return canonicalJson.length * 3L + 1024;
    }
}
