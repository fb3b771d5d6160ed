package dev.provenant.ingest;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fired (synchronously, on the group-commit thread) after a group of new events is durable. Features that
 * derive state from the graph (PII propagation) observe it to update only what the events can affect:
 * <ul>
 * <li>{@code datasets}: what the events may have changed (aliases unresolved): outputs, datasets of dataset
 * events, and inputs that carry a {@code tags} facet;
 * <li>{@code readOnly}: datasets the events only read (inputs, column lineage sources), each with the field
 * paths the events name for it (schema facet, column lineage). Reading a dataset changes nothing of it,
 * except that a field seen for the first time may need a verdict of its own;
 * <li>{@code jobs}: the jobs that ran, whose earlier outputs a completion may have made stale.
 * </ul>
 */
public record IngestCommitted(Set<DatasetKey> datasets, Map<DatasetKey, Set<String>> readOnly, Set<Job> jobs) {

    public record Job(String namespace, String name) {}

    static IngestCommitted of(List<ParsedEvent> events) {
        Set<DatasetKey> changed = new LinkedHashSet<>();
        Map<DatasetKey, Set<String>> read = new LinkedHashMap<>();
        Set<Job> jobs = new LinkedHashSet<>();
        for (ParsedEvent event : events) {
            if (event.job() != null) {
                jobs.add(new Job(event.job().namespace(), event.job().name()));
            }
            if (event.dataset() != null) {
                written(changed, read, event.dataset());
            }
            if (event.outputs() != null) {
                event.outputs().forEach(d -> written(changed, read, d));
            }
            if (event.inputs() != null) {
                for (DatasetSnapshot input : event.inputs()) {
                    if (input.facets() != null && input.facets().containsKey("tags")) {
                        written(changed, read, input);
                    } else if (!changed.contains(input.key())) {
                        Set<String> fields = read.computeIfAbsent(input.key(), k -> new LinkedHashSet<>());
                        if (input.fields() != null) {
                            input.fields().forEach(f -> fields.add(f.path()));
                        }
                    }
                }
            }
        }
        return new IngestCommitted(changed, read, jobs);
    }

    private static void written(Set<DatasetKey> changed, Map<DatasetKey, Set<String>> read, DatasetSnapshot snapshot) {
        changed.add(snapshot.key());
        read.remove(snapshot.key());
        if (snapshot.columnLineage() != null) {
            for (ColumnLineageEdge edge : snapshot.columnLineage()) {
                if (!changed.contains(edge.from())) {
                    read.computeIfAbsent(edge.from(), k -> new LinkedHashSet<>()).add(edge.fromField());
                }
            }
        }
    }
}
