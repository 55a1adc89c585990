package io.closeloop.bench;

import java.util.Arrays;

/** Batch latencies in nanoseconds, recorded from several threads; percentiles by nearest rank. */
final class Latencies {

    private final long[] values;
    private int count;

    Latencies(int capacity) {
        values = new long[capacity];
    }

    synchronized void add(long nanos) {
        values[count++] = nanos;
    }

    synchronized double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
