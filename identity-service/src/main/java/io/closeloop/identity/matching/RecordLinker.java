package io.closeloop.identity.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Links a new record to the best known record it matches: candidates are the known records sharing a
 * blocking key, each is scored by the model, and the highest probability wins if it reaches the
 * threshold (ties: higher weight, then the earlier record). Not thread-safe; one linker per tenant.
 */
public final class RecordLinker {

    /** Chosen from the synthetic benchmark (see docs/architecture.md, "Probabilistic matching"). */
    public static final double DEFAULT_THRESHOLD = 0.75;

    /** The record linked to and the confidence of the link. */
    public record Link(String recordId, double weight, double probability) {
    }

    private final MatchModel model;
    private final Blocking blocking;
    private final double threshold;
    private final List<MatchRecord> known = new ArrayList<>();
    private final Map<String, List<Integer>> index = new HashMap<>();

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
        Set<Integer> candidates = new LinkedHashSet<>();
        for (String key : blocking.keys(record)) {
            List<Integer> block = index.get(key);
            if (block != null && blocking.usable(block)) {
                candidates.addAll(block);
            }
        }
        Link best = null;
        for (int candidate : candidates) {
            MatchScore score = model.score(record, known.get(candidate));
            if (score.probability() >= threshold && (best == null || score.probability() > best.probability()
                    || score.probability() == best.probability() && score.weight() > best.weight())) {
                best = new Link(known.get(candidate).id(), score.weight(), score.probability());
            }
        }
        return Optional.ofNullable(best);
    }

    /** Makes the record a candidate for the records that come after it. */
    public void add(MatchRecord record) {
        int position = known.size();
        known.add(record);
        for (String key : blocking.keys(record)) {
            index.computeIfAbsent(key, k -> new ArrayList<>()).add(position);
        }
    }

    /** {@link #bestMatch} then {@link #add}. */
    public Optional<Link> link(MatchRecord record) {
        Optional<Link> link = bestMatch(record);
        add(record);
        return link;
    }
}
