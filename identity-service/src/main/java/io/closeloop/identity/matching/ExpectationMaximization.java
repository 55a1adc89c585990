package io.closeloop.identity.matching;

/**
 * Fellegi–Sunter EM over comparison patterns: a two-class mixture (match, non-match) in which the
 * comparisons are independent given the class. Estimates the match share λ and, per comparison level,
 * m = P(level | match) and u = P(level | non-match). A null level enters neither product nor any count.
 */
public final class ExpectationMaximization {

    /**
     * @param maxIterations stop after this many iterations at the latest
     * @param tolerance     stop when no parameter moved by more than this in one iteration
     * @param estimateM     {@code false} keeps m at its starting values (only λ moves)
     * @param estimateU     {@code false} keeps u at its starting values (estimated from random pairs)
     * @param pseudoCount   added to each level's expected count, so no weight becomes infinite
     */
    public record Settings(int maxIterations, double tolerance, boolean estimateM, boolean estimateU,
                           double pseudoCount) {
        public Settings {
            if (maxIterations < 1 || tolerance <= 0 || pseudoCount < 0) {
                throw new IllegalArgumentException("maxIterations ≥ 1, tolerance > 0, pseudoCount ≥ 0");
            }
        }

        public Settings withEstimates(boolean m, boolean u) {
            return new Settings(maxIterations, tolerance, m, u, pseudoCount);
        }
    }

    /** λ, m and u; arrays are indexed {@code [comparison][level]}. */
    public record Parameters(double lambda, double[][] m, double[][] u) {
    }

    public record Result(Parameters parameters, int iterations, boolean converged) {
    }

    private ExpectationMaximization() {
    }

    public static Result run(ComparisonPatterns patterns, Parameters start, Settings settings) {
        int[][] vectors = patterns.vectors();
        long[] counts = patterns.counts();
        Parameters current = start;
        for (int iteration = 1; iteration <= settings.maxIterations(); iteration++) {
            Parameters next = step(vectors, counts, current, settings);
            if (largestChange(current, next) < settings.tolerance()) {
                return new Result(next, iteration, true);
            }
            current = next;
        }
        return new Result(current, settings.maxIterations(), false);
    }

    private static Parameters step(int[][] vectors, long[] counts, Parameters p, Settings settings) {
        double[][] matchCounts = zerosLike(p.m());
        double[][] nonMatchCounts = zerosLike(p.u());
        double expectedMatches = 0;
        double all = 0;
        for (int v = 0; v < vectors.length; v++) {
            double match = p.lambda();
            double nonMatch = 1 - p.lambda();
            for (int k = 0; k < vectors[v].length; k++) {
                int level = vectors[v][k];
                if (level != Comparison.NULL) {
                    match *= p.m()[k][level];
                    nonMatch *= p.u()[k][level];
                }
            }
            double share = match / (match + nonMatch);
            double asMatch = share * counts[v];
            double asNonMatch = (1 - share) * counts[v];
            expectedMatches += asMatch;
            all += counts[v];
            for (int k = 0; k < vectors[v].length; k++) {
                int level = vectors[v][k];
                if (level != Comparison.NULL) {
                    matchCounts[k][level] += asMatch;
                    nonMatchCounts[k][level] += asNonMatch;
                }
            }
        }
        double[][] u = settings.estimateU() ? normalize(nonMatchCounts, settings.pseudoCount()) : p.u();
        double[][] m = settings.estimateM() ? normalize(matchCounts, settings.pseudoCount()) : p.m();
        return new Parameters(expectedMatches / all, m, u);
    }

    static double[][] normalize(double[][] counts, double pseudoCount) {
        double[][] probabilities = new double[counts.length][];
        for (int k = 0; k < counts.length; k++) {
            double sum = 0;
            for (double c : counts[k]) {
                sum += c + pseudoCount;
            }
            probabilities[k] = new double[counts[k].length];
            for (int l = 0; l < counts[k].length; l++) {
                probabilities[k][l] = sum == 0 ? 1.0 / counts[k].length : (counts[k][l] + pseudoCount) / sum;
            }
        }
        return probabilities;
    }

    private static double[][] zerosLike(double[][] shape) {
        double[][] zeros = new double[shape.length][];
        for (int k = 0; k < shape.length; k++) {
            zeros[k] = new double[shape[k].length];
        }
        return zeros;
    }

    private static double largestChange(Parameters a, Parameters b) {
        double change = Math.abs(a.lambda() - b.lambda());
        for (int k = 0; k < a.m().length; k++) {
            for (int l = 0; l < a.m()[k].length; l++) {
                change = Math.max(change, Math.abs(a.m()[k][l] - b.m()[k][l]));
                change = Math.max(change, Math.abs(a.u()[k][l] - b.u()[k][l]));
            }
        }
        return change;
    }
}
