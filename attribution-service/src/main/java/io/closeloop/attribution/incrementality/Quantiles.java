package io.closeloop.attribution.incrementality;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/** The normal and Student t quantiles the intervals need, from Apache Commons Statistics. */
final class Quantiles {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Quantiles() {
    }

    /** The standard normal quantile. */
    static double normal(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must lie in (0, 1): " + p);
        }
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /** The Student t quantile with {@code df} degrees of freedom (fractional degrees of Welch's test allowed). */
    static double studentT(double p, double df) {
        if (!(df > 0)) {
            throw new IllegalArgumentException("degrees of freedom must be positive: " + df);
        }
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must lie in (0, 1): " + p);
        }
        return TDistribution.of(df).inverseCumulativeProbability(p);
    }
}
