package dev.provenant.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds; percentiles by sorting (a few hundred thousand samples at most). */
public final class Latencies {

    private long[] samples = new long[1024];
    private int size;

    public void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    public void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.samples[i]);
        }
    }

    public int count() {
        return size;
    }

    /** The q-quantile in milliseconds (nearest rank), 0 when there are no samples. */
    public double percentileMs(double q) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e6;
    }
}
