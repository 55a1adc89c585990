package io.closeloop.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * A hand-made mixture: three two-level comparisons, 20 % matches, the first comparison missing on 10 % of
 * the pairs. The pattern counts are the exact expected counts of 10^8 pairs, so EM must find the
 * generating parameters again, whatever its start.
 */
class ExpectationMaximizationTest {

    private static final double LAMBDA = 0.2;
    private static final double[][] M = {{0.9, 0.1}, {0.8, 0.2}, {0.7, 0.3}};
    private static final double[][] U = {{0.1, 0.9}, {0.2, 0.8}, {0.05, 0.95}};
    private static final double MISSING_FIRST = 0.1;
    private static final ExpectationMaximization.Settings SETTINGS =
            new ExpectationMaximization.Settings(10_000, 1e-10, true, true, 0);

    private static ComparisonPatterns patterns() {
        ComparisonPatterns patterns = new ComparisonPatterns(3);
        for (int a = -1; a <= 1; a++) {
            for (int b = 0; b <= 1; b++) {
                for (int c = 0; c <= 1; c++) {
                    double match = LAMBDA * (a < 0 ? 1 : M[0][a]) * M[1][b] * M[2][c];
                    double nonMatch = (1 - LAMBDA) * (a < 0 ? 1 : U[0][a]) * U[1][b] * U[2][c];
                    double share = a < 0 ? MISSING_FIRST : 1 - MISSING_FIRST;
                    patterns.add(new int[] {a, b, c}, Math.round(1e8 * share * (match + nonMatch)));
                }
            }
        }
        return patterns;
    }

    private static ExpectationMaximization.Parameters start() {
        double[][] m = {{0.6, 0.4}, {0.6, 0.4}, {0.6, 0.4}};
        double[][] u = {{0.4, 0.6}, {0.4, 0.6}, {0.4, 0.6}};
        return new ExpectationMaximization.Parameters(0.5, m, u);
    }

    @Test
    void recoversTheGeneratingParametersAndStopsOnTheTolerance() {
        ComparisonPatterns patterns = patterns();
        assertThat(patterns.total()).isEqualTo(100_000_000L);
        assertThat(patterns.distinct()).isEqualTo(12);

        var result = ExpectationMaximization.run(patterns, start(), SETTINGS);

        assertThat(result.converged()).isTrue();
        assertThat(result.iterations()).isLessThan(SETTINGS.maxIterations());
        assertThat(result.parameters().lambda()).isCloseTo(LAMBDA, within(1e-4));
        for (int k = 0; k < 3; k++) {
            for (int l = 0; l < 2; l++) {
                assertThat(result.parameters().m()[k][l]).isCloseTo(M[k][l], within(1e-3));
                assertThat(result.parameters().u()[k][l]).isCloseTo(U[k][l], within(1e-3));
            }
        }
    }

    @Test
    void runsAreIdenticalAndStopAtTheIterationLimit() {
        var first = ExpectationMaximization.run(patterns(), start(), SETTINGS);
        var second = ExpectationMaximization.run(patterns(), start(), SETTINGS);
        assertThat(second.iterations()).isEqualTo(first.iterations());
        assertThat(second.parameters().lambda()).isEqualTo(first.parameters().lambda());
        assertThat(second.parameters().m()).isDeepEqualTo(first.parameters().m());

        var limited = ExpectationMaximization.run(patterns(), start(),
                new ExpectationMaximization.Settings(3, 1e-10, true, true, 0));
        assertThat(limited.converged()).isFalse();
        assertThat(limited.iterations()).isEqualTo(3);
    }

    @Test
    void fixedUStaysWhereItStarted() {
        var start = new ExpectationMaximization.Parameters(0.5, start().m(), U);
        var result = ExpectationMaximization.run(patterns(), start, SETTINGS.withEstimates(true, false));
        assertThat(result.parameters().u()).isDeepEqualTo(U);
        assertThat(result.parameters().lambda()).isCloseTo(LAMBDA, within(1e-4));
        assertThat(result.parameters().m()[0][0]).isCloseTo(0.9, within(1e-3));
    }
}
