package io.closeloop.identity.matching;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Estimates a {@link MatchModel} from unlabelled records, the way Fellegi–Sunter tools such as Splink do:
 * <ol>
 *   <li>u from the level frequencies of seeded random pairs (almost all of them non-matches);</li>
 *   <li>m by EM over the pairs of each training rule in turn ({@link Blocking#training()}), leaving out
 *       the comparisons that rule decides (they agree within its blocks by construction), averaged over
 *       the rules that estimated each comparison; u stays fixed unless the EM settings say otherwise;</li>
 *   <li>λ, the probability that two random records match: EM with m fixed (and u free, since the
 *       non-matches among candidates are not random pairs) finds the expected matches among the
 *       candidate pairs, divided by the number of all pairs. Weights keep the random-pair u.</li>
 * </ol>
 * Seeded and iterated in a fixed order, hence deterministic.
 */
public final class MatchModelFitter {

    /**
     * @param seed        seed of the random pair sample
     * @param randomPairs how many random pairs estimate u
     * @param startLambda starting match share among a rule's pairs
     * @param em          iteration limits; its estimate flags apply to the per-rule m sessions
     */
    public record Settings(long seed, int randomPairs, double startLambda, ExpectationMaximization.Settings em) {
        public static Settings defaults() {
            return new Settings(20261123L, 200_000, 0.3,
                    new ExpectationMaximization.Settings(1000, 1e-6, true, false, 1.0));
        }
    }

    private final List<Comparison> comparisons;
    private final Comparison[] compared;
    private final Blocking blocking;
    private final Blocking training;
    private final Settings settings;

    /**
     * @param blocking the candidate pairs the linker will score (λ is estimated over them)
     * @param training the pairs m is learnt from, one EM session per rule
     */
    public MatchModelFitter(List<Comparison> comparisons, Blocking blocking, Blocking training, Settings settings) {
        this.comparisons = List.copyOf(comparisons);
        this.compared = this.comparisons.toArray(Comparison[]::new);
        this.blocking = blocking;
        this.training = training;
        this.settings = settings;
    }

    public static MatchModelFitter withDefaults() {
        return new MatchModelFitter(defaultComparisons(), Blocking.defaults(), Blocking.training(),
                Settings.defaults());
    }

    /**
     * First name, last name, and one joint comparison of company domain and postcode: colleagues share
     * both, so they are not independent.
     */
    public static List<Comparison> defaultComparisons() {
        return List.of(NameComparison.firstName(), NameComparison.lastName(),
                new JointComparison("domain_postcode", List.of(new DomainComparison(), new PostcodeComparison())));
    }

    public Blocking blocking() {
        return blocking;
    }

    public MatchModel fit(List<MatchRecord> records) {
        if (records.size() < 2) {
            throw new IllegalArgumentException("at least two records are needed to fit a match model");
        }
        List<Blocking.Rule> rules = training.rules();
        boolean[][] decided = decidedComparisons(rules);
        ComparisonPatterns candidates = new ComparisonPatterns(comparisons.size());
        // One buffer per purpose, reused for every pair: patterns copy what they count.
        int[] levels = new int[comparisons.size()];
        int[] masked = new int[comparisons.size()];
        blocking.forEachCandidatePair(records, (i, j, shared) -> candidates.add(levels(records.get(i), records.get(j),
                levels), 1));
        ComparisonPatterns[] perRule = new ComparisonPatterns[rules.size()];
        for (int r = 0; r < perRule.length; r++) {
            perRule[r] = new ComparisonPatterns(comparisons.size());
        }
        training.forEachCandidatePair(records, (i, j, shared) -> {
            levels(records.get(i), records.get(j), levels);
            for (int r = 0; r < perRule.length; r++) {
                if ((shared & (1 << r)) != 0) {
                    perRule[r].add(withoutDecided(levels, decided[r], masked), 1);
                }
            }
        });
        if (candidates.total() == 0) {
            throw new IllegalArgumentException("no candidate pairs: the records share no blocking key");
        }
        double[][] u = randomPairU(records);
        double[][] mSum = new double[comparisons.size()][];
        int[] sessions = new int[comparisons.size()];
        int iterations = 0;
        boolean converged = true;
        for (int r = 0; r < perRule.length; r++) {
            if (perRule[r].total() == 0) {
                continue;
            }
            var start = new ExpectationMaximization.Parameters(settings.startLambda(), startM(), u);
            var session = ExpectationMaximization.run(perRule[r], start, settings.em());
            iterations += session.iterations();
            converged &= session.converged();
            for (int k = 0; k < mSum.length; k++) {
                if (!decided[r][k]) {
                    mSum[k] = add(mSum[k], session.parameters().m()[k]);
                    sessions[k]++;
                }
            }
        }
        double[][] m = startM();
        for (int k = 0; k < m.length; k++) {
            for (int l = 0; sessions[k] > 0 && l < m[k].length; l++) {
                m[k][l] = mSum[k][l] / sessions[k];
            }
        }
        var prior = ExpectationMaximization.run(candidates,
                new ExpectationMaximization.Parameters(settings.startLambda(), m, u),
                settings.em().withEstimates(false, true));
        iterations += prior.iterations();
        converged &= prior.converged();
        double allPairs = records.size() * (records.size() - 1.0) / 2;
        double lambda = prior.parameters().lambda() * candidates.total() / allPairs;
        return new MatchModel(comparisons, lambda, m, u, iterations, converged, candidates.total(),
                TermFrequencies.of(records));
    }

    private boolean[][] decidedComparisons(List<Blocking.Rule> rules) {
        boolean[][] decided = new boolean[rules.size()][comparisons.size()];
        for (int r = 0; r < rules.size(); r++) {
            for (int k = 0; k < comparisons.size(); k++) {
                decided[r][k] = comparisons.get(k).covers().stream().anyMatch(rules.get(r).decides()::contains);
            }
        }
        return decided;
    }

    private static int[] withoutDecided(int[] levels, boolean[] decided, int[] masked) {
        for (int k = 0; k < masked.length; k++) {
            masked[k] = decided[k] ? Comparison.NULL : levels[k];
        }
        return masked;
    }

    private static double[] add(double[] sum, double[] values) {
        double[] result = sum == null ? new double[values.length] : sum;
        for (int l = 0; l < values.length; l++) {
            result[l] += values[l];
        }
        return result;
    }

    private int[] levels(MatchRecord a, MatchRecord b, int[] levels) {
        for (int k = 0; k < levels.length; k++) {
            levels[k] = compared[k].level(a, b);
        }
        return levels;
    }

    private double[][] randomPairU(List<MatchRecord> records) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        double[][] counts = new double[comparisons.size()][];
        for (int k = 0; k < counts.length; k++) {
            counts[k] = new double[comparisons.get(k).levels().size()];
        }
        int[] levels = new int[comparisons.size()];
        for (int s = 0; s < settings.randomPairs(); s++) {
            int i = random.nextInt(records.size());
            int j = random.nextInt(records.size() - 1);
            if (j >= i) {
                j++;
            }
            levels(records.get(i), records.get(j), levels);
            for (int k = 0; k < levels.length; k++) {
                if (levels[k] != Comparison.NULL) {
                    counts[k][levels[k]]++;
                }
            }
        }
        return ExpectationMaximization.normalize(counts, 1.0);
    }

    /** Halving from the most similar level to "else": a start on the matching side of the mixture. */
    private double[][] startM() {
        double[][] weights = new double[comparisons.size()][];
        for (int k = 0; k < weights.length; k++) {
            int levels = comparisons.get(k).levels().size();
            weights[k] = new double[levels];
            for (int l = 0; l < levels; l++) {
                weights[k][l] = Math.pow(2, levels - 1 - l);
            }
        }
        return ExpectationMaximization.normalize(weights, 0);
    }
}
