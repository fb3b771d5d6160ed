package dev.provenant.ingest;

/** The three kinds of OpenLineage event, told apart by their shape. */
public enum EventKind {
    RUN, JOB, DATASET
}
