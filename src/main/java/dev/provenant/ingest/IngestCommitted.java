package dev.provenant.ingest;

import java.util.Set;

/**
 * Fired (synchronously, on the group-commit thread) after a group of new events is durable, with what they
 * changed in the graph, as the ingest statements report it: {@code datasets} that got a new field or a
 * changed {@code tags} facet, and {@code jobs} whose lineage changed (an input, output or column lineage
 * edge appeared, stopped or started being current, or changed masking). Features that derive state from
 * the graph (PII propagation) observe it to update only what changed; an event that repeats known lineage
 * changes nothing here.
 */
public record IngestCommitted(Set<DatasetKey> datasets, Set<Job> jobs) {

    static final IngestCommitted NOTHING = new IngestCommitted(Set.of(), Set.of());

    public record Job(String namespace, String name) {}

    public IngestCommitted {
        datasets = Set.copyOf(datasets);
        jobs = Set.copyOf(jobs);
    }
}
