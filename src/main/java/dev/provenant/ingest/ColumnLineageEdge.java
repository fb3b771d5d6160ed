package dev.provenant.ingest;

/**
 * One hop of column lineage from an input field into a field of the dataset that carries the
 * columnLineage facet: DIRECT or INDIRECT, its subtype (IDENTITY, TRANSFORMATION, AGGREGATION, JOIN,
 * ...), and whether the transformation masks the value.
 */
public record ColumnLineageEdge(DatasetKey from, String fromField, String toField, String type, String subtype,
        boolean masking, String description) {}
