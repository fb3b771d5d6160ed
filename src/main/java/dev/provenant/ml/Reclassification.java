package dev.provenant.ml;

/** The outcome of re-applying the model/feature rules to the stored graph: labelled datasets after it, and changes. */
public record Reclassification(long models, long features, long changed) {}
