package dev.provenant.ingest;

/** The OpenLineage identity of a dataset: namespace plus name. */
public record DatasetKey(String namespace, String name) {}
