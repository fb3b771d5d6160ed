package dev.provenant.pii;

import static dev.provenant.pii.PiiState.AGGREGATED;
import static dev.provenant.pii.PiiState.CLEAR;
import static dev.provenant.pii.PiiState.INDIRECT;
import static dev.provenant.pii.PiiState.POSSIBLE;
import static dev.provenant.pii.PiiState.PSEUDONYMISED;
import static dev.provenant.pii.PiiState.RAW;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The state lattice and the cap of each kind of column lineage hop. */
class PiiStateTest {

    @Test
    void severityRunsFromRawToClear() {
        assertThat(PiiState.values()).containsExactly(RAW, PSEUDONYMISED, AGGREGATED, INDIRECT, POSSIBLE, CLEAR);
        assertThat(RAW.atLeast(PSEUDONYMISED)).isTrue();
        assertThat(POSSIBLE.atLeast(INDIRECT)).isFalse();
        assertThat(CLEAR.atLeast(CLEAR)).isTrue();
    }

    @Test
    void worstWinsAcrossPathsAndTheWeakestCapAlongOne() {
        assertThat(PiiState.worst(INDIRECT, PSEUDONYMISED)).isEqualTo(PSEUDONYMISED);
        assertThat(PiiState.worst(CLEAR, POSSIBLE)).isEqualTo(POSSIBLE);
        assertThat(RAW.atMost(PSEUDONYMISED)).isEqualTo(PSEUDONYMISED);
        assertThat(PSEUDONYMISED.atMost(AGGREGATED)).isEqualTo(AGGREGATED);
        assertThat(POSSIBLE.atMost(INDIRECT)).as("a hop never makes data more personal").isEqualTo(POSSIBLE);
        assertThat(AGGREGATED.atMost(RAW)).isEqualTo(AGGREGATED);
        for (PiiState a : PiiState.values()) {
            for (PiiState b : PiiState.values()) {
                assertThat(PiiState.worst(a, b)).isEqualTo(PiiState.worst(b, a));
                assertThat(a.atMost(b)).isEqualTo(b.atMost(a));
            }
        }
    }

    @Test
    void capsFollowTypeSubtypeAndMasking() {
        assertThat(PiiState.capOf("DIRECT", "IDENTITY", false)).isEqualTo(RAW);
        assertThat(PiiState.capOf("DIRECT", "TRANSFORMATION", false)).isEqualTo(RAW);
        assertThat(PiiState.capOf("DIRECT", "AGGREGATION", false)).as("sum per customer is still personal").isEqualTo(RAW);
        assertThat(PiiState.capOf("DIRECT", "TRANSFORMATION", true)).isEqualTo(PSEUDONYMISED);
        assertThat(PiiState.capOf("DIRECT", "AGGREGATION", true)).isEqualTo(AGGREGATED);
        assertThat(PiiState.capOf("INDIRECT", "JOIN", false)).isEqualTo(INDIRECT);
        assertThat(PiiState.capOf("INDIRECT", "GROUP_BY", true)).isEqualTo(INDIRECT);
        assertThat(PiiState.capOf(null, null, false)).isEqualTo(RAW);
    }

    @Test
    void clearIsStoredAsAbsent() {
        assertThat(CLEAR.property()).isNull();
        assertThat(PiiState.fromProperty(null)).isEqualTo(CLEAR);
        assertThat(PiiState.fromProperty("PSEUDONYMISED")).isEqualTo(PSEUDONYMISED);
    }
}
