package io.closeloop.attribution.model;

/** An open-addressing map from positive {@code long} keys to {@code long} counts (package private, no boxing). */
final class LongCountMap {

    private long[] keys;
    private long[] values;
    private int size;
    private int mask;

    LongCountMap() {
        this(64);
    }

    LongCountMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new long[capacity];
        mask = capacity - 1;
    }

    void add(long key, long delta) {
        if (key <= 0) {
            throw new IllegalArgumentException("keys must be positive: " + key);
        }
        int slot = slot(key);
        while (keys[slot] != 0) {
            if (keys[slot] == key) {
                values[slot] += delta;
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = delta;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    long get(long key) {
        int slot = slot(key);
        while (keys[slot] != 0) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return 0;
    }

    int size() {
        return size;
    }

    /** Calls {@code action} for every entry, in no particular order. */
    void forEach(Entry action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                action.accept(keys[i], values[i]);
            }
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                add(oldKeys[i], oldValues[i]);
            }
        }
    }

    @FunctionalInterface
    interface Entry {
        void accept(long key, long value);
    }
}
