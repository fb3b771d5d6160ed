package dev.provenant.ingest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fired (synchronously, on the group-commit thread) after a group of new events is durable: the
 * datasets they mention, as sent (aliases unresolved), and the jobs they ran. Features that derive
 * state from the graph (PII propagation) observe it to update only what the events can affect.
 */
public record IngestCommitted(Set<DatasetKey> datasets, Set<Job> jobs) {

    public record Job(String namespace, String name) {}

    static IngestCommitted of(List<ParsedEvent> events) {
        Set<DatasetKey> datasets = new LinkedHashSet<>();
        Set<Job> jobs = new LinkedHashSet<>();
        for (ParsedEvent event : events) {
            if (event.job() != null) {
                jobs.add(new Job(event.job().namespace(), event.job().name()));
            }
            if (event.dataset() != null) {
                add(datasets, event.dataset());
            }
            if (event.inputs() != null) {
                event.inputs().forEach(d -> add(datasets, d));
            }
            if (event.outputs() != null) {
                event.outputs().forEach(d -> add(datasets, d));
            }
        }
        return new IngestCommitted(datasets, jobs);
    }

    private static void add(Set<DatasetKey> datasets, DatasetSnapshot snapshot) {
        datasets.add(snapshot.key());
        if (snapshot.columnLineage() != null) {
            snapshot.columnLineage().forEach(edge -> datasets.add(edge.from()));
        }
    }
}
