package dev.provenant.lineage;

import java.time.OffsetDateTime;

/** What a lineage request asks: where to start, which way, how far, and which edges count. */
public record LineageQuery(EntityType type, String namespace, String name, String field, Direction direction,
        int depth, int maxNodes, boolean includeStale, OffsetDateTime asOf) {

    public enum EntityType {
        DATASET, JOB, FIELD;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Direction {
        UPSTREAM, DOWNSTREAM, BOTH
    }
}
