package dev.provenant.bench;

import java.nio.file.Path;

/**
 * What every suite gets: whether this is the short {@code --quick} run, whether the server should record
 * a JFR profile, the production jar and where results go ({@code target/bench}).
 */
public record BenchContext(boolean quick, boolean jfr, Path projectDir, Path jar, Path outDir) {

    /** {@code quick} or {@code full}: picks a phase length, an iteration count and so on. */
    public <T> T pick(T quickValue, T fullValue) {
        return quick ? quickValue : fullValue;
    }
}
