package io.closeloop.identity.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Links a new record to the best known record it matches: candidates are the known records sharing a
 * blocking key, each is scored by the model, and the highest probability wins if it reaches the
 * threshold (ties: higher weight, then the candidate met first, in key order). Not thread-safe; one linker
 * per tenant.
 */
public final class RecordLinker {

    /** Chosen from the synthetic benchmark (see docs/architecture.md, "Probabilistic matching"). */
    public static final double DEFAULT_THRESHOLD = 0.75;

    /** The record linked to and the confidence of the link. */
    public record Link(String recordId, double weight, double probability) {
    }

    /** Positions of the known records holding one key, in the order they were added. */
    private static final class Block {
        private int[] positions = new int[2];
        private int size;

        void add(int position) {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
            }
            positions[size++] = position;
        }
    }

    private final MatchModel model;
    private final Blocking blocking;
    private final double threshold;
    private final List<MatchRecord> known = new ArrayList<>();
    private final Map<String, Block> index = new HashMap<>();
    /** The query in which each known record was last scored, so that a candidate of several keys is scored once. */
    private int[] scoredIn = new int[16];
    private int query;

    public RecordLinker(MatchModel model, Blocking blocking, double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must lie strictly between 0 and 1: " + threshold);
        }
        this.model = model;
        this.blocking = blocking;
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** The best known record whose match probability reaches the threshold, if any. */
    public Optional<Link> bestMatch(MatchRecord record) {
        return bestMatch(record, blocking.keys(record));
    }

    private Optional<Link> bestMatch(MatchRecord record, String[] keys) {
        query++;
        int best = -1;
        double bestWeight = Double.NEGATIVE_INFINITY;
        for (String key : keys) {
            Block block = index.get(key);
            if (block == null || !blocking.usable(block.size)) {
                continue;
            }
            for (int b = 0; b < block.size; b++) {
                int candidate = block.positions[b];
                if (scoredIn[candidate] == query) {
                    continue;
                }
                scoredIn[candidate] = query;
                // The probability grows with the weight, so the highest weight is the highest probability.
                double weight = model.weight(record, known.get(candidate));
                if (weight > bestWeight) {
                    best = candidate;
                    bestWeight = weight;
                }
            }
        }
        if (best < 0 || MatchModel.probability(bestWeight) < threshold) {
            return Optional.empty();
        }
        return Optional.of(new Link(known.get(best).id(), bestWeight, MatchModel.probability(bestWeight)));
    }

    /** Makes the record a candidate for the records that come after it. */
    public void add(MatchRecord record) {
        add(record, blocking.keys(record));
    }

    private void add(MatchRecord record, String[] keys) {
        int position = known.size();
        known.add(record);
        if (position == scoredIn.length) {
            scoredIn = Arrays.copyOf(scoredIn, position * 2);
        }
        for (String key : keys) {
            index.computeIfAbsent(key, k -> new Block()).add(position);
        }
    }

    /** {@link #bestMatch} then {@link #add}. */
    public Optional<Link> link(MatchRecord record) {
        String[] keys = blocking.keys(record);
        Optional<Link> link = bestMatch(record, keys);
        add(record, keys);
        return link;
    }
}
