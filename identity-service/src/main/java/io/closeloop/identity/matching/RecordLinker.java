package io.closeloop.identity.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /**
     * Blocks by a 64-bit fingerprint of their key in one open-addressing table: a lookup touches a slot and
     * the block instead of a chain of nodes and strings (the index is far larger than any cache). Two keys
     * with the same fingerprint (odds about n²/2⁶⁵) would only share a block, i.e. add candidates.
     */
    private static final class BlockIndex {
        private long[] fingerprints = new long[1024];
        private Block[] blocks = new Block[1024];
        private int size;

        static long fingerprint(String key) {
            long h = 0xcbf29ce484222325L;
            for (int c = 0; c < key.length(); c++) {
                h = (h ^ key.charAt(c)) * 0x100000001b3L;
            }
            return h ^ (h >>> 31);
        }

        Block get(long fingerprint) {
            int mask = blocks.length - 1;
            for (int slot = (int) fingerprint & mask; blocks[slot] != null; slot = (slot + 1) & mask) {
                if (fingerprints[slot] == fingerprint) {
                    return blocks[slot];
                }
            }
            return null;
        }

        Block getOrAdd(long fingerprint) {
            Block block = get(fingerprint);
            if (block != null) {
                return block;
            }
            if (2 * (size + 1) > blocks.length) {
                grow();
            }
            block = new Block();
            put(fingerprint, block);
            size++;
            return block;
        }

        private void put(long fingerprint, Block block) {
            int mask = blocks.length - 1;
            int slot = (int) fingerprint & mask;
            while (blocks[slot] != null) {
                slot = (slot + 1) & mask;
            }
            fingerprints[slot] = fingerprint;
            blocks[slot] = block;
        }

        private void grow() {
            long[] oldFingerprints = fingerprints;
            Block[] oldBlocks = blocks;
            fingerprints = new long[oldBlocks.length * 2];
            blocks = new Block[oldBlocks.length * 2];
            for (int s = 0; s < oldBlocks.length; s++) {
                if (oldBlocks[s] != null) {
                    put(oldFingerprints[s], oldBlocks[s]);
                }
            }
        }
    }

    private final MatchModel model;
    private final Blocking blocking;
    private final double threshold;
    private final List<MatchRecord> known = new ArrayList<>();
    private final BlockIndex index = new BlockIndex();
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
            Block block = index.get(BlockIndex.fingerprint(key));
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
            index.getOrAdd(BlockIndex.fingerprint(key)).add(position);
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
