package io.closeloop.attribution.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted Markov chain removal-effect model (order 1 to 3), computed exactly from
 * {@link MarkovStatistics}:
 * <ol>
 *   <li>transition probabilities are the counts out of each state divided by the state's total;</li>
 *   <li>{@code P(conversion)} from the start is solved exactly on the absorbing chain (see
 *       {@link AbsorbingChain}: Gaussian elimination up to 400 states, a proven bracket of width
 *       1e-12 beyond);</li>
 *   <li>the removal effect of channel c is {@code 1 - P(conversion without c) / P(conversion)}, where
 *       "without c" sends every transition into a state containing c to null;</li>
 *   <li>weights are the removal effects divided by their sum.</li>
 * </ol>
 * Removal effects are never negative (removing states can only lose paths to conversion; rounding below
 * zero is clamped). Without any conversion every removal effect and weight is 0. States are ordered
 * canonically by their channel names, so the result depends only on the counts, never on the order in
 * which journeys were counted or statistics merged.
 */
public final class MarkovFit {

    private final int order;
    private final int states;
    private final double conversionProbability;
    private final Map<String, Double> removalEffects;
    private final Map<String, Double> weights;
    private final long conversions;
    private final double conversionValue;

    private MarkovFit(int order, int states, double conversionProbability, Map<String, Double> removalEffects,
                      Map<String, Double> weights, long conversions, double conversionValue) {
        this.order = order;
        this.states = states;
        this.conversionProbability = conversionProbability;
        this.removalEffects = removalEffects;
        this.weights = weights;
        this.conversions = conversions;
        this.conversionValue = conversionValue;
    }

    public int order() {
        return order;
    }

    /** Transient states of the chain, the start included. */
    public int states() {
        return states;
    }

    /** P(conversion) from the start with every channel present. */
    public double conversionProbability() {
        return conversionProbability;
    }

    /** Channel → removal effect, channels sorted by name. */
    public Map<String, Double> removalEffects() {
        return removalEffects;
    }

    /** Channel → normalized removal effect (adding up to 1 unless there was no conversion), sorted by name. */
    public Map<String, Double> weights() {
        return weights;
    }

    /** Channel → conversions attributed ({@code weight × total conversions}). */
    public Map<String, Double> attributedConversions() {
        return scaled(conversions);
    }

    /** Channel → conversion value attributed ({@code weight × total value}). */
    public Map<String, Double> attributedValue() {
        return scaled(conversionValue);
    }

    public long conversions() {
        return conversions;
    }

    /** This fit as a model crediting conversions, id {@code markov_order_<k>}; see {@link ChannelWeightsModel}. */
    public ChannelWeightsModel model(int configVersion) {
        return new ChannelWeightsModel("markov_order_" + order, configVersion, weights);
    }

    private Map<String, Double> scaled(double total) {
        Map<String, Double> result = new LinkedHashMap<>();
        weights.forEach((channel, weight) -> result.put(channel, weight * total));
        return Collections.unmodifiableMap(result);
    }

    static MarkovFit of(MarkovStatistics statistics) {
        Chain chain = Chain.build(statistics);
        int channelCount = chain.channelNames.length;
        double base = chain.chain.conversionProbability(null);
        Map<String, Double> removal = new LinkedHashMap<>();
        double sum = 0;
        double[] effects = new double[channelCount];
        for (int c = 0; c < channelCount; c++) {
            boolean[] removed = new boolean[chain.chain.size()];
            for (int s = 1; s < removed.length; s++) {
                for (int member : chain.stateChannels[s]) {
                    if (member == c) {
                        removed[s] = true;
                        break;
                    }
                }
            }
            double without = chain.chain.conversionProbability(removed);
            effects[c] = base > 0 ? Math.max(0, 1 - without / base) : 0;
            sum += effects[c];
            removal.put(chain.channelNames[c], effects[c]);
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int c = 0; c < channelCount; c++) {
            weights.put(chain.channelNames[c], sum > 0 ? effects[c] / sum : 0);
        }
        return new MarkovFit(statistics.order(), chain.chain.size(), base, Collections.unmodifiableMap(removal),
                Collections.unmodifiableMap(weights), statistics.conversions(), statistics.conversionValue());
    }

    /** Exposed for tests: the canonical chain of {@code statistics}. */
    static AbsorbingChain chain(MarkovStatistics statistics) {
        return Chain.build(statistics).chain;
    }

    private record Chain(AbsorbingChain chain, String[] channelNames, int[][] stateChannels) {

        static Chain build(MarkovStatistics statistics) {
            LongCountMap transitions = statistics.transitions();
            // Canonical channel indices: by name.
            List<String> names = new ArrayList<>(statistics.channels());
            Collections.sort(names);
            Map<String, Integer> canonical = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                canonical.put(names.get(i), i);
            }
            int[] toCanonical = new int[names.size() + 1];
            for (int id = 1; id <= names.size(); id++) {
                toCanonical[id] = canonical.get(statistics.channelName(id));
            }
            // Distinct states, the start (0) included.
            Map<Long, int[]> stateTuples = new HashMap<>();
            stateTuples.put(0L, new int[0]);
            transitions.forEach((key, count) -> stateTuples.computeIfAbsent(key >>> 16,
                    state -> tuple(state, toCanonical)));
            List<Long> order = new ArrayList<>(stateTuples.keySet());
            Comparator<int[]> byTuple = Comparator.<int[]>comparingInt(t -> t.length).thenComparing(Arrays::compare);
            order.sort(Comparator.comparing(stateTuples::get, byTuple));
            Map<Long, Integer> index = new HashMap<>();
            int[][] stateChannels = new int[order.size()][];
            for (int i = 0; i < order.size(); i++) {
                index.put(order.get(i), i);
                stateChannels[i] = stateTuples.get(order.get(i));
            }
            int n = order.size();
            // Edges sorted by (from, to) so that sums are taken in one canonical order.
            long[] edges = new long[transitions.size()];
            long[] counts = new long[transitions.size()];
            int[] fill = {0};
            Map<Long, Long> countOf = new HashMap<>();
            transitions.forEach((key, count) -> {
                long state = key >>> 16;
                int next = (int) (key & 0xFFFF);
                int from = index.get(state);
                int to = next == MarkovStatistics.CONVERSION ? n : next == MarkovStatistics.NULL ? n + 1
                        : index.get(statistics.next(state, next));
                long edge = (long) from << 32 | to;
                edges[fill[0]++] = edge;
                countOf.put(edge, count);
            });
            Arrays.sort(edges);
            for (int e = 0; e < edges.length; e++) {
                counts[e] = countOf.get(edges[e]);
            }
            long[] outTotal = new long[n];
            for (int e = 0; e < edges.length; e++) {
                outTotal[(int) (edges[e] >>> 32)] += counts[e];
            }
            int[] rowStart = new int[n + 1];
            int inner = 0;
            for (long edge : edges) {
                if ((int) edge < n) {
                    rowStart[(int) (edge >>> 32) + 1]++;
                    inner++;
                }
            }
            for (int i = 0; i < n; i++) {
                rowStart[i + 1] += rowStart[i];
            }
            int[] column = new int[inner];
            double[] probability = new double[inner];
            double[] toConversion = new double[n];
            double[] toNull = new double[n];
            int[] cursor = Arrays.copyOf(rowStart, n);
            for (int e = 0; e < edges.length; e++) {
                int from = (int) (edges[e] >>> 32);
                int to = (int) edges[e];
                double p = (double) counts[e] / outTotal[from];
                if (to == n) {
                    toConversion[from] = p;
                } else if (to == n + 1) {
                    toNull[from] = p;
                } else {
                    column[cursor[from]] = to;
                    probability[cursor[from]++] = p;
                }
            }
            return new Chain(new AbsorbingChain(n, rowStart, column, probability, toConversion, toNull),
                    names.toArray(String[]::new), stateChannels);
        }

        private static int[] tuple(long state, int[] toCanonical) {
            int length = MarkovStatistics.length(state);
            int[] tuple = new int[length];
            for (int slot = 0; slot < length; slot++) {
                tuple[slot] = toCanonical[(int) ((state >>> (slot * MarkovStatistics.BITS))
                        & MarkovStatistics.CHANNEL_MASK)];
            }
            return tuple;
        }
    }
}
