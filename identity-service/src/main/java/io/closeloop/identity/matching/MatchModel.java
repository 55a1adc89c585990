package io.closeloop.identity.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;

/**
 * Fitted match weights: the prior match share λ among candidate pairs and, per comparison level,
 * m = P(level | match), u = P(level | non-match) and the weight log2(m/u). Immutable.
 */
public final class MatchModel {

    private final List<Comparison> comparisons;
    private final double lambda;
    private final double[][] m;
    private final double[][] u;
    private final int iterations;
    private final boolean converged;
    private final long candidatePairs;
    private final TermFrequencies frequencies;
    private final Comparison[] compared;
    private final double[][] weights;
    /** Per name comparison (else {@code null}): the weight of an exact match on each value of the table. */
    private final NameComparison[] names;
    private final Map<String, Double>[] exactWeights;
    private final double[] unlistedExactWeight;
    private final double priorWeight;

    public MatchModel(List<Comparison> comparisons, double lambda, double[][] m, double[][] u, int iterations,
                      boolean converged, long candidatePairs) {
        this(comparisons, lambda, m, u, iterations, converged, candidatePairs, TermFrequencies.none());
    }

    public MatchModel(List<Comparison> comparisons, double lambda, double[][] m, double[][] u, int iterations,
                      boolean converged, long candidatePairs, TermFrequencies frequencies) {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must lie strictly between 0 and 1: " + lambda);
        }
        this.comparisons = List.copyOf(comparisons);
        this.lambda = lambda;
        this.m = copy(m);
        this.u = copy(u);
        this.iterations = iterations;
        this.converged = converged;
        this.candidatePairs = candidatePairs;
        this.frequencies = frequencies;
        for (int k = 0; k < comparisons.size(); k++) {
            int levels = comparisons.get(k).levels().size();
            if (m[k].length != levels || u[k].length != levels) {
                throw new IllegalArgumentException("comparison " + comparisons.get(k).name() + " has " + levels
                        + " levels");
            }
        }
        this.compared = comparisons.toArray(Comparison[]::new);
        this.weights = new double[compared.length][];
        this.names = new NameComparison[compared.length];
        @SuppressWarnings("unchecked")
        Map<String, Double>[] exact = new Map[compared.length];
        this.exactWeights = exact;
        this.unlistedExactWeight = new double[compared.length];
        for (int k = 0; k < compared.length; k++) {
            weights[k] = new double[this.m[k].length];
            for (int l = 0; l < weights[k].length; l++) {
                weights[k][l] = log2(this.m[k][l] / this.u[k][l]);
            }
            if (compared[k] instanceof NameComparison name) {
                names[k] = name;
                exact[k] = exactWeights(k, name.name());
                unlistedExactWeight[k] = exact[k].isEmpty() ? weights[k][0]
                        : log2(this.m[k][0] / (1 / (double) frequencies.records()));
            }
        }
        this.priorWeight = log2(lambda / (1 - lambda));
    }

    /** Exact-match weights of the values in the term-frequency table, computed once instead of per pair. */
    private Map<String, Double> exactWeights(int comparison, String name) {
        Map<String, Integer> table = switch (name) {
            case "first_name" -> frequencies.firstNames();
            case "last_name" -> frequencies.lastNames();
            default -> Map.of();
        };
        Map<String, Double> result = new HashMap<>(table.size() * 2);
        table.keySet().forEach(value -> result.put(value, exactWeight(comparison, name, value)));
        return result;
    }

    public List<Comparison> comparisons() {
        return comparisons;
    }

    public double lambda() {
        return lambda;
    }

    public double m(int comparison, int level) {
        return m[comparison][level];
    }

    public double u(int comparison, int level) {
        return u[comparison][level];
    }

    /** log2(m/u) of the level; 0 for the null level. */
    public double weight(int comparison, int level) {
        return level == Comparison.NULL ? 0 : weights[comparison][level];
    }

    public double priorWeight() {
        return priorWeight;
    }

    public int iterations() {
        return iterations;
    }

    public boolean converged() {
        return converged;
    }

    public long candidatePairs() {
        return candidatePairs;
    }

    public TermFrequencies frequencies() {
        return frequencies;
    }

    /** Records of different tenant keys are never alike: probability 0. */
    public MatchScore score(MatchRecord a, MatchRecord b) {
        int[] levels = new int[comparisons.size()];
        if (!Objects.equals(a.keyId(), b.keyId())) {
            return new MatchScore(levels, Double.NEGATIVE_INFINITY, 0);
        }
        double weight = priorWeight;
        for (int k = 0; k < levels.length; k++) {
            levels[k] = compared[k].level(a, b);
            weight += levelWeight(k, levels[k], a);
        }
        return new MatchScore(levels, weight, probability(weight));
    }

    /** The weight {@link #score} gives, without its levels: what a linker ranks candidates by. */
    public double weight(MatchRecord a, MatchRecord b) {
        if (!Objects.equals(a.keyId(), b.keyId())) {
            return Double.NEGATIVE_INFINITY;
        }
        double weight = priorWeight;
        for (int k = 0; k < compared.length; k++) {
            weight += levelWeight(k, compared[k].level(a, b), a);
        }
        return weight;
    }

    /** An exact name match weighs by the value's term frequency, every other level by its m and u. */
    private double levelWeight(int comparison, int level, MatchRecord a) {
        if (level == Comparison.NULL) {
            return 0;
        }
        if (level == 0 && names[comparison] != null) {
            Double listed = exactWeights[comparison].get(names[comparison].value(a).value());
            return listed != null ? listed : unlistedExactWeight[comparison];
        }
        return weights[comparison][level];
    }

    /** log2(m/u) of an exact name match with u the share of records holding the value (term frequency). */
    private double exactWeight(int comparison, String name, String value) {
        double share = frequencies.share(name, value);
        return Double.isNaN(share) ? weight(comparison, 0) : log2(m[comparison][0] / share);
    }

    /** 2^w / (1 + 2^w), computed without overflow for large |w|. */
    public static double probability(double weight) {
        return weight >= 0 ? 1 / (1 + Math.pow(2, -weight)) : Math.pow(2, weight) / (1 + Math.pow(2, weight));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "match model: lambda=%.6f (prior weight %.2f bits), %d candidate pairs, EM %d iterations%s%n",
                lambda, priorWeight(), candidatePairs, iterations, converged ? " (converged)" : " (not converged)"));
        out.append(String.format(Locale.ROOT, "  %-20s %-24s %10s %10s %8s%n", "comparison", "level", "m", "u",
                "weight"));
        for (int k = 0; k < comparisons.size(); k++) {
            List<String> labels = comparisons.get(k).levels();
            for (int l = 0; l < labels.size(); l++) {
                out.append(String.format(Locale.ROOT, "  %-20s %-24s %10.6f %10.6f %8.2f%n",
                        comparisons.get(k).name(), labels.get(l), m[k][l], u[k][l], weight(k, l)));
            }
        }
        return out.toString();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double[][] copy(double[][] values) {
        double[][] copy = new double[values.length][];
        for (int k = 0; k < values.length; k++) {
            copy[k] = values[k].clone();
        }
        return copy;
    }
}
