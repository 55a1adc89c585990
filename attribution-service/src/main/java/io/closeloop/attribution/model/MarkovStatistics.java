package io.closeloop.attribution.model;

import java.util.List;

/**
 * Transition counts of a Markov chain of order 1 to 3 over channel paths: the mergeable statistics a
 * {@link MarkovFit} is computed from.
 *
 * <p>A state of order k is the tuple of the last k channels seen (fewer at the start of a path: after
 * the first touch of an order-3 chain the state is {@code (a)}, then {@code (a,b)}, then {@code (a,b,c)},
 * then {@code (b,c,d)}). A path {@code a > b} with C conversions and N nulls adds C+N to
 * {@code start→(a)} and to {@code (a)→(a,b)}, C to {@code (a,b)→conversion} and N to {@code (a,b)→null}.
 * Repeated channels are kept (self-loops at order 1); they do not change conversion probabilities.
 *
 * <p>Statistics are plain integer counts, so {@link #merge} is exact, commutative and associative: two
 * instances that each counted part of the journeys merge into exactly the statistics of one instance
 * that counted all of them, and {@link #fit()} gives bit-identical results for both. Not thread-safe.
 */
public final class MarkovStatistics {

    /** At most this many distinct channels (15-bit ids). */
    public static final int MAX_CHANNELS = 32_767;

    static final int BITS = 15;
    static final long CHANNEL_MASK = (1L << BITS) - 1;
    static final int CONVERSION = 0xFFFE;
    static final int NULL = 0xFFFF;

    private final int order;
    private final ChannelDictionary channels = new ChannelDictionary(MAX_CHANNELS);
    /** key = state << 16 | next symbol (a channel id, {@link #CONVERSION} or {@link #NULL}); state 0 is the start. */
    private final LongCountMap transitions = new LongCountMap(1024);
    private long journeys;
    private long conversions;
    private double conversionValue;

    public MarkovStatistics(int order) {
        if (order < 1 || order > 3) {
            throw new IllegalArgumentException("order must be 1, 2 or 3: " + order);
        }
        this.order = order;
    }

    public int order() {
        return order;
    }

    public long journeys() {
        return journeys;
    }

    public long conversions() {
        return conversions;
    }

    public double conversionValue() {
        return conversionValue;
    }

    /** Channels in order of first appearance. */
    public List<String> channels() {
        return channels.names();
    }

    /** Number of distinct (state, next) transitions counted. */
    public int transitionCount() {
        return transitions.size();
    }

    public MarkovStatistics add(PathRecord record) {
        List<String> path = record.channels();
        int[] ids = new int[path.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = channels.id(path.get(i));
        }
        addIds(ids, record.conversions(), record.conversionValue(), record.nulls());
        return this;
    }

    /** Adds one journey (or {@code conversions + nulls} journeys) that followed {@code path}. */
    public MarkovStatistics add(List<String> path, long conversions, double conversionValue, long nulls) {
        return add(new PathRecord(path, conversions, conversionValue, nulls));
    }

    /** Adds {@code other}'s counts to these (channels are matched by name). */
    public MarkovStatistics merge(MarkovStatistics other) {
        if (other.order != order) {
            throw new IllegalArgumentException("cannot merge order " + other.order + " into order " + order);
        }
        int[] remap = new int[other.channels.size() + 1];
        for (int id = 1; id < remap.length; id++) {
            remap[id] = channels.id(other.channels.name(id));
        }
        other.transitions.forEach((key, count) -> {
            long state = key >>> 16;
            int next = (int) (key & 0xFFFF);
            long mappedState = 0;
            for (int slot = 0; slot < order; slot++) {
                int id = (int) ((state >>> (slot * BITS)) & CHANNEL_MASK);
                if (id != 0) {
                    mappedState |= (long) remap[id] << (slot * BITS);
                }
            }
            int mappedNext = next == CONVERSION || next == NULL ? next : remap[next];
            transitions.add(mappedState << 16 | mappedNext, count);
        });
        journeys += other.journeys;
        conversions += other.conversions;
        conversionValue += other.conversionValue;
        return this;
    }

    /** Solves the absorbing chain exactly and computes every channel's removal effect. */
    public MarkovFit fit() {
        return MarkovFit.of(this);
    }

    private void addIds(int[] ids, long conv, double value, long nulls) {
        long total = conv + nulls;
        if (total == 0) {
            return;
        }
        long state = 0;
        for (int id : ids) {
            transitions.add(state << 16 | id, total);
            state = next(state, id);
        }
        if (conv > 0) {
            transitions.add(state << 16 | CONVERSION, conv);
        }
        if (nulls > 0) {
            transitions.add(state << 16 | NULL, nulls);
        }
        journeys += total;
        conversions += conv;
        conversionValue += value;
    }

    /** The state after {@code state} when channel {@code id} is seen. */
    long next(long state, int id) {
        int length = length(state);
        if (length < order) {
            return state | (long) id << (length * BITS);
        }
        return (state >>> BITS) | (long) id << ((order - 1) * BITS);
    }

    static int length(long state) {
        int length = 0;
        while (state != 0) {
            length++;
            state >>>= BITS;
        }
        return length;
    }

    LongCountMap transitions() {
        return transitions;
    }

    String channelName(int id) {
        return channels.name(id);
    }
}
