package io.closeloop.attribution.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A tenant's choices for which touches of a journey a conversion may credit, shared by every model.
 *
 * @param defaultLookback the window for conversion types without one of their own (default 90 days)
 * @param lookbackByType windows per conversion type, e.g. {@code purchase → 30d}, {@code deal → 90d}
 * @param minLinkConfidence touches whose identity link is less confident than this never count (0 = all)
 * @param collapseRepeats consecutive touches of one channel collapse into the first touch of the run
 * @param dropDirectUnlessAlone touches of channel {@code direct} are removed unless the path has nothing else
 */
public record AttributionOptions(Duration defaultLookback, Map<String, Duration> lookbackByType,
                                 double minLinkConfidence, boolean collapseRepeats, boolean dropDirectUnlessAlone) {

    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(90);
    public static final AttributionOptions DEFAULTS = new AttributionOptions(DEFAULT_LOOKBACK, Map.of(), 0, false,
            false);

    public AttributionOptions {
        Objects.requireNonNull(defaultLookback, "defaultLookback");
        lookbackByType = Map.copyOf(lookbackByType == null ? Map.of() : lookbackByType);
        requirePositive(defaultLookback, "default");
        lookbackByType.forEach((type, window) -> requirePositive(window, type));
        if (!(minLinkConfidence >= 0 && minLinkConfidence <= 1)) {
            throw new IllegalArgumentException("minimum link confidence must lie in [0, 1]: " + minLinkConfidence);
        }
    }

    /** Only a default lookback; no confidence minimum, no transforms. */
    public static AttributionOptions lookback(Duration lookback) {
        return new AttributionOptions(lookback, Map.of(), 0, false, false);
    }

    /** The window of conversions of {@code type} ({@code null} or an unlisted type: the default). */
    public Duration lookbackFor(String type) {
        return type == null ? defaultLookback : lookbackByType.getOrDefault(type, defaultLookback);
    }

    /**
     * The window of {@code conversion}: its own (the conversion type's, from ingest) wins, then the tenant's window
     * for its type, then the tenant's default.
     */
    public Duration lookbackFor(Conversion conversion) {
        return conversion.lookback() != null ? conversion.lookback() : lookbackFor(conversion.type());
    }

    /** The widest window of any type: how far back a service must load touches to credit any conversion. */
    public Duration maxLookback() {
        Duration max = defaultLookback;
        for (Duration window : lookbackByType.values()) {
            if (window.compareTo(max) > 0) {
                max = window;
            }
        }
        return max;
    }

    /** Whether a touch's identity link is confident enough to count. */
    public boolean confidentEnough(Touch touch) {
        return touch.linkConfidence() >= minLinkConfidence;
    }

    private static void requirePositive(Duration window, String name) {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("lookback " + name + " must be positive: " + window);
        }
    }
}
