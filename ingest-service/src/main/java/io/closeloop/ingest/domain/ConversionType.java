package io.closeloop.ingest.domain;

import java.util.List;

/**
 * A tenant's conversion type. {@code countingStages} are the lead stages (new, qualified, mql, sql, won) that count
 * as this conversion; an empty list means every event of the type counts when {@code countsAsConversion}.
 */
public record ConversionType(String name, boolean countsAsConversion, List<String> countingStages,
                             int defaultLookbackDays, boolean valueRequired) {

    public ConversionType {
        countingStages = List.copyOf(countingStages);
    }

    /** Whether an event of this type in {@code status} counts as a conversion; lost and cancelled never do. */
    public boolean counts(String status) {
        return countsAsConversion && !"lost".equals(status) && !"cancelled".equals(status)
                && (countingStages.isEmpty() || countingStages.contains(status));
    }
}
