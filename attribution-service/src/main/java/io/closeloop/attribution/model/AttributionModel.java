package io.closeloop.attribution.model;

import java.time.Instant;
import java.util.List;

/**
 * A rule that shares one conversion among the touches of its path. Models only say how much each touch
 * weighs; which touches are eligible and how weights become exact minor units is decided once, in
 * {@link Attributor} and {@link LargestRemainder}, so every model follows the same consent, lookback
 * and rounding rules. Rule-based models (first touch, linear, time decay, position based) are pure
 * functions of the path; data-driven ones (Markov, Shapley) get their fitted statistics at construction
 * and name them with their {@link #configVersion()}.
 */
public interface AttributionModel {

    /** Stable id carried on every credit set, e.g. {@code last_touch}. */
    String id();

    /** Changes whenever the model's parameters change, so that credit sets say which ones they used. */
    int configVersion();

    /**
     * Relative weights, one per touch of {@code path}.
     *
     * @param path the eligible touches in {@link Touch#JOURNEY_ORDER}, never empty
     * @return non-negative weights with a positive sum; they need not add up to 1
     */
    double[] weights(List<Touch> path, Instant conversionTime);
}
