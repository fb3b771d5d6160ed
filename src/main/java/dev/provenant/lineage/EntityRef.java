package dev.provenant.lineage;

/** A dataset or job linked to an entity; {@code current} is false for lineage that is history only. */
public record EntityRef(String namespace, String name, boolean current) {}
