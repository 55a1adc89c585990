package io.closeloop.attribution.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Credits one conversion under one model. The rules every model shares live here:
 * <ul>
 *   <li>a touch counts only if it happened strictly before the conversion and no earlier than the
 *       lookback of the conversion before it ({@link AttributionOptions#lookbackFor(Conversion)}) (a touch exactly at the window's start counts, one at
 *       the conversion's instant does not);</li>
 *   <li>a touch whose consent did not allow measurement never counts, nor one whose identity link is
 *       less confident than the tenant's minimum (a touch exactly at the minimum counts);</li>
 *   <li>touches are ordered by {@link Touch#JOURNEY_ORDER} (time, then event id as text), then the
 *       tenant's {@link PathTransforms} apply;</li>
 *   <li>a withdrawn conversion (lost, cancelled) gets no credit at all;</li>
 *   <li>a conversion without any eligible touch gets one {@link Credit#UNATTRIBUTED} credit for its whole
 *       value, so that revenue totals stay complete and the gap is visible in reports;</li>
 *   <li>credits add up exactly to the value (see {@link LargestRemainder}) and fractional conversions
 *       to 1; touches with zero weight get no credit line.</li>
 * </ul>
 */
public final class Attributor {

    private final AttributionOptions options;

    /** One lookback for every conversion type, no confidence minimum, no transforms. */
    public Attributor(Duration lookback) {
        this(AttributionOptions.lookback(lookback));
    }

    public Attributor(AttributionOptions options) {
        this.options = options;
    }

    public AttributionOptions options() {
        return options;
    }

    /** The widest lookback of any conversion type. */
    public Duration lookback() {
        return options.maxLookback();
    }

    /** The touches that may earn credit for {@code conversion}, in journey order, transformed. */
    public List<Touch> path(Conversion conversion, Collection<Touch> touches) {
        Instant windowStart = conversion.at().minus(options.lookbackFor(conversion));
        List<Touch> path = new ArrayList<>(touches.size());
        boolean sorted = true;
        for (Touch touch : touches) {
            if (touch.measurementAllowed() && options.confidentEnough(touch) && touch.at().isBefore(conversion.at())
                    && !touch.at().isBefore(windowStart)) {
                if (sorted && !path.isEmpty() && Touch.JOURNEY_ORDER.compare(path.get(path.size() - 1), touch) > 0) {
                    sorted = false;
                }
                path.add(touch);
            }
        }
        if (!sorted) {
            path.sort(Touch.JOURNEY_ORDER);
        }
        return Collections.unmodifiableList(PathTransforms.apply(options, path));
    }

    public List<Credit> attribute(AttributionModel model, Conversion conversion, Collection<Touch> touches) {
        if (conversion.withdrawn()) {
            return List.of();
        }
        return credit(model, conversion, path(conversion, touches));
    }

    /**
     * Credits one conversion under each of {@code models} (the streaming path: the eligible path is
     * selected once). The result has one list per model, in the order of {@code models}, each equal to
     * {@link #attribute(AttributionModel, Conversion, Collection)}'s.
     */
    public List<List<Credit>> attributeAll(List<AttributionModel> models, Conversion conversion,
                                           Collection<Touch> touches) {
        List<List<Credit>> result = new ArrayList<>(models.size());
        List<Touch> path = conversion.withdrawn() ? List.of() : path(conversion, touches);
        for (AttributionModel model : models) {
            result.add(conversion.withdrawn() ? List.of() : credit(model, conversion, path));
        }
        return result;
    }

    private List<Credit> credit(AttributionModel model, Conversion conversion, List<Touch> path) {
        if (path.isEmpty()) {
            return List.of(Credit.unattributed(conversion.valueMinor()));
        }
        double[] weights = model.weights(path, conversion.at());
        if (weights.length != path.size()) {
            throw new IllegalStateException(model.id() + " returned " + weights.length + " weights for "
                    + path.size() + " touches");
        }
        long[] minor = LargestRemainder.allocate(conversion.valueMinor(), weights);
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        List<Credit> credits = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            if (weights[i] > 0) {
                credits.add(new Credit(path.get(i), minor[i], weights[i] / sum));
            }
        }
        return credits;
    }
}
