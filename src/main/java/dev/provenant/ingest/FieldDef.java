package dev.provenant.ingest;

/**
 * A column from a schema facet. Nested struct fields get a dotted {@code path} and name their parent's
 * path, so they hang below it in the graph.
 */
public record FieldDef(String path, String parentPath, String name, String type, String description) {}
