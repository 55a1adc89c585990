package io.closeloop.identity.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Candidate pairs reduced to their distinct comparison vectors with counts, so that EM iterates over a
 * few hundred patterns instead of millions of pairs. Levels -1 (null) to 254 fit in eight bits each.
 */
public final class ComparisonPatterns {

    static final int MAX_COMPARISONS = 8;
    private static final int MAX_LEVEL = 254;

    private final int comparisons;
    private final Map<Long, long[]> counts = new HashMap<>();
    private long total;

    public ComparisonPatterns(int comparisons) {
        if (comparisons < 1 || comparisons > MAX_COMPARISONS) {
            throw new IllegalArgumentException("between 1 and " + MAX_COMPARISONS + " comparisons");
        }
        this.comparisons = comparisons;
    }

    public void add(int[] levels, long count) {
        if (levels.length != comparisons) {
            throw new IllegalArgumentException("expected " + comparisons + " levels, got " + levels.length);
        }
        long key = 0;
        for (int level : levels) {
            if (level < Comparison.NULL || level > MAX_LEVEL) {
                throw new IllegalArgumentException("level out of range: " + level);
            }
            key = (key << 8) | (level + 1);
        }
        counts.computeIfAbsent(key, k -> new long[1])[0] += count;
        total += count;
    }

    public int comparisons() {
        return comparisons;
    }

    public long total() {
        return total;
    }

    public int distinct() {
        return counts.size();
    }

    /** The distinct vectors in a fixed order (by their packed key) so that sums are reproducible. */
    int[][] vectors() {
        long[] keys = sortedKeys();
        int[][] vectors = new int[keys.length][comparisons];
        for (int p = 0; p < keys.length; p++) {
            long key = keys[p];
            for (int k = comparisons - 1; k >= 0; k--) {
                vectors[p][k] = (int) (key & 0xff) - 1;
                key >>>= 8;
            }
        }
        return vectors;
    }

    /** Counts in the order of {@link #vectors()}. */
    long[] counts() {
        long[] keys = sortedKeys();
        long[] result = new long[keys.length];
        for (int p = 0; p < keys.length; p++) {
            result[p] = counts.get(keys[p])[0];
        }
        return result;
    }

    private long[] sortedKeys() {
        long[] keys = counts.keySet().stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(keys);
        return keys;
    }
}
