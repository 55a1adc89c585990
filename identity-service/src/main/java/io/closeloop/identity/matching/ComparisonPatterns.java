package io.closeloop.identity.matching;

import java.util.Arrays;

/**
 * Candidate pairs reduced to their distinct comparison vectors with counts, so that EM iterates over a
 * few hundred patterns instead of millions of pairs. Levels -1 (null) to 254 fit in eight bits each.
 */
public final class ComparisonPatterns {

    static final int MAX_COMPARISONS = 8;
    private static final int MAX_LEVEL = 254;

    private final int comparisons;
    /** Open addressing over packed vectors: a pattern is added per candidate pair, so no boxing. */
    private long[] keys = new long[256];
    private long[] counts = new long[256];
    private boolean[] used = new boolean[256];
    private int distinct;
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
        int slot = slot(key);
        counts[slot] += count;
        total += count;
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int slot = (int) mix(key) & mask;
        while (used[slot] && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (!used[slot]) {
            if (2 * (distinct + 1) > keys.length) {
                grow();
                return slot(key);
            }
            used[slot] = true;
            keys[slot] = key;
            distinct++;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        distinct = 0;
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldUsed[s]) {
                int slot = slot(oldKeys[s]);
                counts[slot] = oldCounts[s];
            }
        }
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    public int comparisons() {
        return comparisons;
    }

    public long total() {
        return total;
    }

    public int distinct() {
        return distinct;
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
        long[] sorted = sortedKeys();
        long[] result = new long[sorted.length];
        for (int p = 0; p < sorted.length; p++) {
            result[p] = counts[slot(sorted[p])];
        }
        return result;
    }

    private long[] sortedKeys() {
        long[] sorted = new long[distinct];
        int p = 0;
        for (int s = 0; s < keys.length; s++) {
            if (used[s]) {
                sorted[p++] = keys[s];
            }
        }
        Arrays.sort(sorted);
        return sorted;
    }
}
