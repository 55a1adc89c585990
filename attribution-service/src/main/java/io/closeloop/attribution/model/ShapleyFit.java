package io.closeloop.attribution.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Simplified Shapley value over channel sets (Zhao et al. 2018, "Shapley value methods for attribution
 * modeling in online advertising"; the DP6 Marketing-Attribution-Models approach).
 *
 * <p><b>Coalition value.</b> A journey belongs to the channel set it touched. The value of a coalition S
 * is computed over the journeys whose channel set is a <b>subset</b> of S (not only those equal to S):
 * <ul>
 *   <li>{@link CoalitionValue#CONVERSIONS} (default): their conversions — DP6's definition;</li>
 *   <li>{@link CoalitionValue#CONVERSION_VALUE}: their conversion value;</li>
 *   <li>{@link CoalitionValue#CONVERSION_RATE}: their conversions divided by their journeys, converting
 *       and non-converting (0 when there are none), so non-converting journeys count against a channel.</li>
 * </ul>
 * {@code v(∅) = 0}. The Shapley value of channel c is
 * {@code φ_c = Σ_{S ⊆ N∖{c}} |S|!(n−|S|−1)!/n! · (v(S ∪ {c}) − v(S))}; weights are
 * {@code max(φ_c, 0) / Σ max(φ, 0)} (the conversion-rate value can make a channel's Shapley value
 * negative; it then gets weight 0 rather than negative credit).
 *
 * <p><b>Exact</b> (up to {@link #EXACT_LIMIT} = 20 channels): bitmask dynamic programming — journeys
 * are summed per exact set, a subset-sum (zeta) transform gives every coalition's totals, and φ is
 * summed over all 2^(n−1) coalitions per channel: O(n·2^n) time, 3·2^n doubles.
 *
 * <p><b>Approximation</b> (beyond 20 channels, or on request): Monte-Carlo permutation sampling. Each
 * sampled permutation yields, for every channel, its marginal contribution when added after the
 * channels before it; its mean over m permutations is an unbiased estimate of φ_c. Marginal
 * contributions lie in an interval of width R ({@code R = v(N)} for conversions and value, whose value
 * functions are monotone; {@code R = 2} for the conversion rate, whose contributions lie in [−1, 1]). By
 * Hoeffding's inequality and a union bound over the n channels,
 * {@code m = ⌈ln(2n/δ) / (2ε²)⌉} permutations give <b>|φ̂_c − φ_c| ≤ ε·R for every channel with
 * probability at least 1 − δ</b>. For conversions and value every permutation's contributions add up
 * to v(N) exactly, so the weights then have absolute error at most ε. Defaults ε = 0.005, δ = 0.001.
 * The sampler is seeded, so results are reproducible.
 */
public final class ShapleyFit {

    public static final int EXACT_LIMIT = 20;

    public enum CoalitionValue { CONVERSIONS, CONVERSION_VALUE, CONVERSION_RATE }

    public enum Method { AUTO, EXACT, MONTE_CARLO }

    /**
     * @param epsilon error bound of the approximation, as a fraction of the contribution range R
     * @param delta probability that some channel misses the bound
     */
    public record Options(CoalitionValue value, Method method, double epsilon, double delta, long seed) {
        public static final Options DEFAULT = new Options(CoalitionValue.CONVERSIONS, Method.AUTO, 0.005, 0.001, 1L);

        public Options {
            if (!(epsilon > 0 && epsilon < 1) || !(delta > 0 && delta < 1)) {
                throw new IllegalArgumentException("epsilon and delta must lie in (0, 1)");
            }
        }

        public Options with(CoalitionValue newValue) {
            return new Options(newValue, method, epsilon, delta, seed);
        }

        public Options with(Method newMethod) {
            return new Options(value, newMethod, epsilon, delta, seed);
        }

        /** Permutations needed for the stated bound over {@code channels} channels. */
        public long permutations(int channels) {
            return (long) Math.ceil(Math.log(2.0 * Math.max(channels, 1) / delta) / (2 * epsilon * epsilon));
        }
    }

    private final Map<String, Double> values;
    private final Map<String, Double> weights;
    private final boolean exact;
    private final long permutations;
    private final double errorBound;
    private final Options options;

    private ShapleyFit(Map<String, Double> values, Map<String, Double> weights, boolean exact, long permutations,
                       double errorBound, Options options) {
        this.values = values;
        this.weights = weights;
        this.exact = exact;
        this.permutations = permutations;
        this.errorBound = errorBound;
        this.options = options;
    }

    /** Channel → Shapley value in the unit of the coalition value, channels sorted by name. */
    public Map<String, Double> values() {
        return values;
    }

    /** Channel → weight (non-negative, adding up to 1 unless every value is ≤ 0), sorted by name. */
    public Map<String, Double> weights() {
        return weights;
    }

    public boolean exact() {
        return exact;
    }

    /** Permutations sampled (0 when exact). */
    public long permutations() {
        return permutations;
    }

    /** The absolute bound ε·R on every channel's value, holding with probability 1 − δ (0 when exact). */
    public double errorBound() {
        return errorBound;
    }

    public Options options() {
        return options;
    }

    /** This fit as a model crediting conversions, id {@code shapley}; see {@link ChannelWeightsModel}. */
    public ChannelWeightsModel model(int configVersion) {
        return new ChannelWeightsModel("shapley", configVersion, weights);
    }

    static ShapleyFit of(ShapleyStatistics statistics, Options options) {
        List<String> names = new ArrayList<>(statistics.channels());
        Collections.sort(names);
        int n = names.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(names.get(i), i);
        }
        List<int[]> sets = new ArrayList<>();
        List<double[]> totals = new ArrayList<>();
        statistics.forEach((channels, conversions, value, nulls) -> {
            int[] set = new int[channels.length];
            for (int i = 0; i < set.length; i++) {
                set[i] = index.get(channels[i]);
            }
            Arrays.sort(set);
            sets.add(set);
            totals.add(new double[] {conversions, value, nulls});
        });
        // Canonical order of the sets, so sums do not depend on hash order.
        Integer[] order = new Integer[sets.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compare(sets.get(a), sets.get(b)));
        int[][] canonicalSets = new int[order.length][];
        double[][] canonicalTotals = new double[order.length][];
        for (int i = 0; i < order.length; i++) {
            canonicalSets[i] = sets.get(order[i]);
            canonicalTotals[i] = totals.get(order[i]);
        }
        boolean exact = options.method() == Method.EXACT
                || options.method() == Method.AUTO && n <= EXACT_LIMIT;
        if (exact && n > EXACT_LIMIT + 6) {
            throw new IllegalArgumentException("exact Shapley over " + n + " channels is infeasible");
        }
        double[] phi;
        long permutations = 0;
        double bound = 0;
        if (exact) {
            phi = exact(n, canonicalSets, canonicalTotals, options.value());
        } else {
            permutations = options.permutations(n);
            phi = sampled(n, canonicalSets, canonicalTotals, options, permutations);
            double range = options.value() == CoalitionValue.CONVERSION_RATE ? 2.0
                    : grand(canonicalTotals, options.value());
            bound = options.epsilon() * range;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        double positive = 0;
        for (double p : phi) {
            positive += Math.max(p, 0);
        }
        for (int c = 0; c < n; c++) {
            values.put(names.get(c), phi[c]);
            weights.put(names.get(c), positive > 0 ? Math.max(phi[c], 0) / positive : 0);
        }
        return new ShapleyFit(Collections.unmodifiableMap(values), Collections.unmodifiableMap(weights), exact,
                permutations, bound, options);
    }

    private static double grand(double[][] totals, CoalitionValue value) {
        double sum = 0;
        for (double[] t : totals) {
            sum += value == CoalitionValue.CONVERSIONS ? t[0] : t[1];
        }
        return sum;
    }

    private static double value(CoalitionValue value, double conversions, double conversionValue, double nulls) {
        return switch (value) {
            case CONVERSIONS -> conversions;
            case CONVERSION_VALUE -> conversionValue;
            case CONVERSION_RATE -> conversions + nulls > 0 ? conversions / (conversions + nulls) : 0;
        };
    }

    private static double[] exact(int n, int[][] sets, double[][] totals, CoalitionValue valueKind) {
        int size = 1 << n;
        double[] conv = new double[size];
        double[] val = new double[size];
        double[] nul = new double[size];
        for (int i = 0; i < sets.length; i++) {
            int mask = 0;
            for (int c : sets[i]) {
                mask |= 1 << c;
            }
            conv[mask] += totals[i][0];
            val[mask] += totals[i][1];
            nul[mask] += totals[i][2];
        }
        // Subset sums: afterwards f[S] = Σ over journeys whose channel set is a subset of S.
        for (int bit = 0; bit < n; bit++) {
            int b = 1 << bit;
            for (int mask = 0; mask < size; mask++) {
                if ((mask & b) != 0) {
                    conv[mask] += conv[mask ^ b];
                    val[mask] += val[mask ^ b];
                    nul[mask] += nul[mask ^ b];
                }
            }
        }
        double[] v = new double[size];
        for (int mask = 1; mask < size; mask++) {
            v[mask] = value(valueKind, conv[mask], val[mask], nul[mask]);
        }
        // coefficient[s] = s!(n-s-1)!/n! = 1 / (n · C(n-1, s))
        double[] coefficient = new double[Math.max(n, 1)];
        double binomial = 1;
        for (int s = 0; s < n; s++) {
            coefficient[s] = 1.0 / (n * binomial);
            binomial = binomial * (n - 1 - s) / (s + 1);
        }
        double[] phi = new double[n];
        for (int c = 0; c < n; c++) {
            int b = 1 << c;
            double sum = 0;
            for (int mask = 0; mask < size; mask++) {
                if ((mask & b) == 0) {
                    sum += coefficient[Integer.bitCount(mask)] * (v[mask | b] - v[mask]);
                }
            }
            phi[c] = sum;
        }
        return phi;
    }

    private static double[] sampled(int n, int[][] sets, double[][] totals, Options options, long permutations) {
        SplittableRandom random = new SplittableRandom(options.seed());
        int[] permutation = new int[n];
        int[] rank = new int[n];
        double[] bucketConv = new double[n];
        double[] bucketVal = new double[n];
        double[] bucketNul = new double[n];
        double[] sum = new double[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        for (long m = 0; m < permutations; m++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = permutation[i];
                permutation[i] = permutation[j];
                permutation[j] = swap;
            }
            for (int p = 0; p < n; p++) {
                rank[permutation[p]] = p;
                bucketConv[p] = 0;
                bucketVal[p] = 0;
                bucketNul[p] = 0;
            }
            // A journey's set is contained in the first p+1 channels from the position of its latest channel on.
            for (int s = 0; s < sets.length; s++) {
                int complete = 0;
                for (int c : sets[s]) {
                    complete = Math.max(complete, rank[c]);
                }
                bucketConv[complete] += totals[s][0];
                bucketVal[complete] += totals[s][1];
                bucketNul[complete] += totals[s][2];
            }
            double conv = 0;
            double val = 0;
            double nul = 0;
            double previous = 0;
            for (int p = 0; p < n; p++) {
                conv += bucketConv[p];
                val += bucketVal[p];
                nul += bucketNul[p];
                double current = value(options.value(), conv, val, nul);
                sum[permutation[p]] += current - previous;
                previous = current;
            }
        }
        double[] phi = new double[n];
        for (int c = 0; c < n; c++) {
            phi[c] = sum[c] / permutations;
        }
        return phi;
    }
}
