package dev.provenant.lineage;

/** How much the graph holds. */
public record Stats(long events, long datasets, long fields, long jobs, long runs, long models) {}
