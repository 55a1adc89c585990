package io.closeloop.attribution.service;

import io.closeloop.attribution.model.AttributionOptions;
import io.closeloop.attribution.model.ShapleyFit;
import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's model options, as the settings API shows and takes them. Absent fields take their defaults;
 * {@code configVersion} is the model-config version the options make (read-only: every change raises it).
 *
 * @param lookbackDays lookback for conversion types without their own (default 90)
 * @param lookbackDaysByType lookback per conversion type, e.g. {@code {"purchase": 30, "deal": 90}}
 * @param minLinkConfidence touches linked less confidently never count (0–1, default 0)
 * @param collapseRepeats consecutive touches of one channel collapse into the first (default false)
 * @param dropDirectUnlessAlone direct touches are removed unless the path is only direct (default false)
 * @param accountMode a deal's journey is the union of its contacts' journeys (default false)
 * @param minJourneys a data-driven fit that saw fewer journeys credits with the fallback model (default 1000)
 * @param fallbackModelId the rule-based model used then (default {@code last_non_direct})
 * @param markovOrder order of the Markov chain, 1–3 (default 1)
 * @param timeDecayHalfLifeDays half-life of time decay in days (default 7)
 * @param positionWeights first/middle/last shares of position based (default 0.4/0.2/0.4)
 * @param shapleyValue what a coalition of channels is worth to the Shapley fit: {@code conversions} (default),
 *        {@code conversion_value} (their base-currency value) or {@code conversion_rate}
 */
public record ModelSettings(Integer configVersion, Integer lookbackDays, Map<String, Integer> lookbackDaysByType,
                            Double minLinkConfidence, Boolean collapseRepeats, Boolean dropDirectUnlessAlone,
                            Boolean accountMode, Long minJourneys, String fallbackModelId, Integer markovOrder,
                            Double timeDecayHalfLifeDays, PositionWeights positionWeights, String shapleyValue) {

    public static final Set<String> RULE_BASED_IDS = Set.of("first_touch", "last_touch", "last_non_direct", "linear",
            "time_decay", "position_based", "w_shaped");

    public static final Map<String, ShapleyFit.CoalitionValue> SHAPLEY_VALUES = Map.of(
            "conversions", ShapleyFit.CoalitionValue.CONVERSIONS,
            "conversion_value", ShapleyFit.CoalitionValue.CONVERSION_VALUE,
            "conversion_rate", ShapleyFit.CoalitionValue.CONVERSION_RATE);

    public record PositionWeights(double first, double middle, double last) {
    }

    /** Every field filled: the given value or its default. */
    public ModelSettings withDefaults(int version) {
        return new ModelSettings(version, or(lookbackDays, 90), lookbackDaysByType == null ? Map.of()
                : new LinkedHashMap<>(lookbackDaysByType), or(minLinkConfidence, 0.0), or(collapseRepeats, false),
                or(dropDirectUnlessAlone, false), or(accountMode, false), or(minJourneys, 1000L),
                or(fallbackModelId, "last_non_direct"), or(markovOrder, 1), or(timeDecayHalfLifeDays, 7.0),
                positionWeights == null ? new PositionWeights(0.4, 0.2, 0.4) : positionWeights,
                or(shapleyValue, "conversions"));
    }

    /** Refuses options the models cannot run with, naming each field at fault. */
    public void validate() {
        List<FieldError> errors = new ArrayList<>();
        if (lookbackDays != null && lookbackDays <= 0) {
            errors.add(FieldError.of("lookbackDays", "must be a positive number of days"));
        }
        if (lookbackDaysByType != null) {
            lookbackDaysByType.forEach((type, days) -> {
                if (type == null || type.isBlank() || days == null || days <= 0) {
                    errors.add(FieldError.of("lookbackDaysByType." + type, "must be a positive number of days"));
                }
            });
        }
        if (minLinkConfidence != null && !(minLinkConfidence >= 0 && minLinkConfidence <= 1)) {
            errors.add(FieldError.of("minLinkConfidence", "must lie between 0 and 1"));
        }
        if (minJourneys != null && minJourneys < 0) {
            errors.add(FieldError.of("minJourneys", "must not be negative"));
        }
        if (fallbackModelId != null && !RULE_BASED_IDS.contains(fallbackModelId)) {
            errors.add(FieldError.of("fallbackModelId", "must be a rule-based model: " + RULE_BASED_IDS));
        }
        if (markovOrder != null && (markovOrder < 1 || markovOrder > 3)) {
            errors.add(FieldError.of("markovOrder", "must be 1, 2 or 3"));
        }
        if (timeDecayHalfLifeDays != null && !(timeDecayHalfLifeDays > 0)) {
            errors.add(FieldError.of("timeDecayHalfLifeDays", "must be positive"));
        }
        if (positionWeights != null) {
            PositionWeights w = positionWeights;
            if (!(w.first() >= 0 && w.middle() >= 0 && w.last() >= 0)
                    || Math.abs(w.first() + w.middle() + w.last() - 1) > 1e-9 || w.first() + w.last() == 0) {
                errors.add(FieldError.of("positionWeights", "first, middle and last must be non-negative and add up"
                        + " to 1, the ends more than 0"));
            }
        }
        if (shapleyValue != null && !SHAPLEY_VALUES.containsKey(shapleyValue)) {
            errors.add(FieldError.of("shapleyValue", "must be one of " + new java.util.TreeSet<>(SHAPLEY_VALUES.keySet())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The shared path rules (call on a settings object {@link #withDefaults(int) with defaults}). */
    public AttributionOptions options() {
        Map<String, Duration> byType = new LinkedHashMap<>();
        lookbackDaysByType.forEach((type, days) -> byType.put(type, Duration.ofDays(days)));
        return new AttributionOptions(Duration.ofDays(lookbackDays), byType, minLinkConfidence, collapseRepeats,
                dropDirectUnlessAlone);
    }

    /** The Shapley options of these settings (call on a settings object with defaults). */
    public ShapleyFit.Options shapleyOptions() {
        return ShapleyFit.Options.DEFAULT.with(SHAPLEY_VALUES.get(shapleyValue));
    }

    public Duration timeDecayHalfLife() {
        return Duration.ofMillis(Math.round(timeDecayHalfLifeDays * 86_400_000L));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
