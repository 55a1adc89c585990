package io.closeloop.attribution.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The state of a conversion the models credit: its latest time, status and value.
 *
 * @param valueMinor the value in minor units of {@code currency}; 0 for a conversion without value
 */
public record Conversion(String id, Instant at, String status, long valueMinor, String currency) {

    /** Statuses that take a conversion's revenue out of every aggregate. */
    public static final Set<String> WITHDRAWING_STATUSES = Set.of("lost", "cancelled");

    public Conversion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(currency, "currency");
        if (valueMinor < 0) {
            throw new IllegalArgumentException("a conversion value cannot be negative: " + valueMinor);
        }
    }

    public boolean withdrawn() {
        return status != null && WITHDRAWING_STATUSES.contains(status);
    }
}
