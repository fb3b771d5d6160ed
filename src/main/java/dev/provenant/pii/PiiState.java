package dev.provenant.pii;

import java.util.Locale;

/**
 * How personal data reaches a field, most severe first (DESIGN.md section 5). Propagation combines
 * states with two operations only: along a path the weakest cap wins ({@link #atMost}), across paths
 * the most severe result wins ({@link #worst}). Both are monotone on this finite order, so propagation
 * reaches a fixpoint on any graph, cycles included.
 */
public enum PiiState {
    RAW, PSEUDONYMISED, AGGREGATED, INDIRECT, POSSIBLE, CLEAR;

    /** The states a propagation level can produce, most severe first (all but CLEAR). */
    static final PiiState[] LEVELS = {RAW, PSEUDONYMISED, AGGREGATED, INDIRECT, POSSIBLE};

    /** True when this state is at least as severe as {@code other}. */
    public boolean atLeast(PiiState other) {
        return ordinal() <= other.ordinal();
    }

    /** The less severe of the two: what is left after passing a hop that caps at {@code cap}. */
    public PiiState atMost(PiiState cap) {
        return ordinal() >= cap.ordinal() ? this : cap;
    }

    /** The more severe of the two. */
    public static PiiState worst(PiiState a, PiiState b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    /** A stored property value; null (absent) means CLEAR. */
    public static PiiState fromProperty(String value) {
        return value == null ? CLEAR : valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The stored property value; CLEAR is stored as absent. */
    public String property() {
        return this == CLEAR ? null : name();
    }

    /**
     * The most severe state one column lineage hop lets through: DIRECT without masking keeps the state,
     * a masking AGGREGATION caps at AGGREGATED, any other masking DIRECT hop (a hash, an encryption: a
     * TRANSFORMATION) at PSEUDONYMISED, and every INDIRECT hop (join key, filter, group-by) at INDIRECT.
     */
    public static PiiState capOf(String type, String subtype, boolean masking) {
        if (type != null && type.equalsIgnoreCase("INDIRECT")) {
            return INDIRECT;
        }
        if (!masking) {
            return RAW;
        }
        return subtype != null && subtype.equalsIgnoreCase("AGGREGATION") ? AGGREGATED : PSEUDONYMISED;
    }
}
