package dev.provenant.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunStatesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "COMPLETE, 3",
        "FAIL,     3",
        "ABORT,    3",
        "RUNNING,  2",
        "START,    1",
        "OTHER,    0",
        "complete, 0",
        "'',       0",
    })
    void rankOf(String eventType, int rank) {
        assertThat(RunStates.rank(eventType)).isEqualTo(rank);
    }

    @Test
    void noEventTypeRanksLowest() {
        assertThat(RunStates.rank(null)).isZero();
    }

    @Test
    void terminalStatesOutrankRunningWhichOutranksStart() {
        assertThat(RunStates.TERMINAL).isEqualTo(3);
        assertThat(RunStates.rank("FAIL")).isGreaterThan(RunStates.rank("RUNNING"));
        assertThat(RunStates.rank("RUNNING")).isGreaterThan(RunStates.rank("START"));
        assertThat(RunStates.rank("START")).isGreaterThan(RunStates.rank("OTHER"));
    }
}
