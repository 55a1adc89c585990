package io.closeloop.attribution.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Journeys counted per channel set (the set of distinct channels a journey touched, order and repeats
 * ignored): converting journeys, their value and non-converting journeys. The mergeable statistics a
 * {@link ShapleyFit} is computed from; counts are integers, so merging two instances' statistics equals
 * counting all journeys in one (the value is a floating-point sum). Not thread-safe.
 */
public final class ShapleyStatistics {

    private final ChannelDictionary channels = new ChannelDictionary(Integer.MAX_VALUE);
    private final Map<ChannelSet, Counts> sets = new HashMap<>();

    public ShapleyStatistics add(PathRecord record) {
        List<String> path = record.channels();
        int[] ids = new int[path.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = channels.id(path.get(i));
        }
        return addIds(ids, record.conversions(), record.conversionValue(), record.nulls());
    }

    public ShapleyStatistics add(List<String> path, long conversions, double conversionValue, long nulls) {
        return add(new PathRecord(path, conversions, conversionValue, nulls));
    }

    public ShapleyStatistics merge(ShapleyStatistics other) {
        other.sets.forEach((set, counts) -> {
            int[] ids = new int[set.ids.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = channels.id(other.channels.name(set.ids[i]));
            }
            addIds(ids, counts.conversions, counts.value, counts.nulls);
        });
        return this;
    }

    /** Distinct channel sets counted. */
    public int setCount() {
        return sets.size();
    }

    public List<String> channels() {
        return channels.names();
    }

    public ShapleyFit fit() {
        return ShapleyFit.of(this, ShapleyFit.Options.DEFAULT);
    }

    public ShapleyFit fit(ShapleyFit.Options options) {
        return ShapleyFit.of(this, options);
    }

    private ShapleyStatistics addIds(int[] ids, long conversions, double value, long nulls) {
        if (conversions + nulls == 0) {
            return this;
        }
        int[] distinct = distinctSorted(ids);
        Counts counts = sets.computeIfAbsent(new ChannelSet(distinct), key -> new Counts());
        counts.conversions += conversions;
        counts.value += value;
        counts.nulls += nulls;
        return this;
    }

    private static int[] distinctSorted(int[] ids) {
        int[] sorted = ids.clone();
        // insertion sort: paths are short
        for (int i = 1; i < sorted.length; i++) {
            int id = sorted[i];
            int j = i - 1;
            while (j >= 0 && sorted[j] > id) {
                sorted[j + 1] = sorted[j];
                j--;
            }
            sorted[j + 1] = id;
        }
        int size = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[size++] = sorted[i];
            }
        }
        return size == sorted.length ? sorted : Arrays.copyOf(sorted, size);
    }

    void forEach(SetVisitor visitor) {
        sets.forEach((set, counts) -> {
            String[] names = new String[set.ids.length];
            for (int i = 0; i < names.length; i++) {
                names[i] = channels.name(set.ids[i]);
            }
            visitor.visit(names, counts.conversions, counts.value, counts.nulls);
        });
    }

    @FunctionalInterface
    interface SetVisitor {
        void visit(String[] channels, long conversions, double value, long nulls);
    }

    private static final class Counts {
        long conversions;
        double value;
        long nulls;
    }

    private record ChannelSet(int[] ids) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ChannelSet set && Arrays.equals(ids, set.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }
    }
}
