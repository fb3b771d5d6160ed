package dev.provenant.ingest;

import java.util.Set;

/**
 * Fired (synchronously, on the group-commit thread) after a group of new events is durable, with what they
 * changed in the graph, as the ingest statements report it. Features that derive state from the graph (PII
 * propagation) observe it to update only what changed; an event that repeats known lineage changes nothing
 * here.
 *
 * @param datasets datasets that got a new field or a changed {@code tags} facet, or whose incoming lineage
 *        changed: an output or column lineage edge into them appeared, stopped or started being current, or
 *        changed masking
 * @param reads input edges that appeared, stopped or started being current: a job started or stopped reading
 *        a dataset. Only what the events changed, never the job's earlier history.
 */
public record IngestCommitted(Set<DatasetKey> datasets, Set<Read> reads) {

    static final IngestCommitted NOTHING = new IngestCommitted(Set.of(), Set.of());

    /** A job's reading of a dataset. */
    public record Read(DatasetKey input, String jobNamespace, String jobName) {}

    public IngestCommitted {
        datasets = Set.copyOf(datasets);
        reads = Set.copyOf(reads);
    }
}
