package io.closeloop.identity.matching;

import java.util.List;
import java.util.Map;

/**
 * A {@link MatchModel} as stored and shared by every replica: plain values that serialize as JSON. The
 * comparisons are named, so a stored model whose comparisons no longer match the code's is recognised and
 * not used (the caller then falls back to the default model until the next fit).
 *
 * @param comparisons    the comparison names, in order
 * @param levels         the level labels of each comparison
 * @param firstNames     exact first-name encodings seen at least twice and their counts (no clear names)
 * @param lastNames      the same for last names
 * @param records        how many records the term frequencies were counted over
 */
public record MatchModelWeights(List<String> comparisons, List<List<String>> levels, double lambda, double[][] m,
                                double[][] u, int iterations, boolean converged, long candidatePairs,
                                Map<String, Integer> firstNames, Map<String, Integer> lastNames, long records) {

    public static MatchModelWeights of(MatchModel model) {
        int size = model.comparisons().size();
        double[][] m = new double[size][];
        double[][] u = new double[size][];
        for (int k = 0; k < size; k++) {
            int levels = model.comparisons().get(k).levels().size();
            m[k] = new double[levels];
            u[k] = new double[levels];
            for (int l = 0; l < levels; l++) {
                m[k][l] = model.m(k, l);
                u[k][l] = model.u(k, l);
            }
        }
        TermFrequencies tf = model.frequencies();
        return new MatchModelWeights(model.comparisons().stream().map(Comparison::name).toList(),
                model.comparisons().stream().map(Comparison::levels).toList(), model.lambda(), m, u,
                model.iterations(), model.converged(), model.candidatePairs(), tf.firstNames(), tf.lastNames(),
                tf.records());
    }

    /** Whether these weights were fitted for exactly these comparisons and levels. */
    public boolean fits(List<Comparison> expected) {
        return comparisons.equals(expected.stream().map(Comparison::name).toList())
                && levels.equals(expected.stream().map(Comparison::levels).toList());
    }

    /** The model over {@code expected}; call only when {@link #fits} holds. */
    public MatchModel model(List<Comparison> expected) {
        if (!fits(expected)) {
            throw new IllegalArgumentException("stored weights are for comparisons " + comparisons);
        }
        return new MatchModel(expected, lambda, m, u, iterations, converged, candidatePairs,
                new TermFrequencies(firstNames == null ? Map.of() : firstNames,
                        lastNames == null ? Map.of() : lastNames, records));
    }
}
