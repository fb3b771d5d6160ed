package dev.provenant.ingest;

import java.util.List;
import java.util.Map;

/**
 * What one event says about one dataset: its identity, symlinked identities, facets (as raw JSON by
 * facet name), schema fields, version, the input/output facets of this use, and the column lineage
 * into it.
 */
public record DatasetSnapshot(
        DatasetKey key,
        List<Symlink> symlinks,
        Map<String, String> facets,
        Map<String, String> ioFacets,
        List<FieldDef> fields,
        String version,
        String datasetType,
        List<ColumnLineageEdge> columnLineage) {

    /** Another name of the same dataset from the symlinks facet, with its type (TABLE, LOCATION, ...). */
    public record Symlink(DatasetKey key, String type) {}
}
