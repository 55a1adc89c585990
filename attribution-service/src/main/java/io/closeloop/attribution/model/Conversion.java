package io.closeloop.attribution.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The state of a conversion the models credit: its latest time, status and value.
 *
 * @param valueMinor the value in minor units of {@code currency}; 0 for a conversion without value
 * @param type the conversion type (e.g. {@code purchase}, {@code deal}); it selects the lookback window;
 *             {@code null} uses the default window
 */
public record Conversion(String id, Instant at, String status, long valueMinor, String currency, String type) {

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

    /** A conversion of no particular type: the default lookback applies. */
    public Conversion(String id, Instant at, String status, long valueMinor, String currency) {
        this(id, at, status, valueMinor, currency, null);
    }

    public boolean withdrawn() {
        return status != null && WITHDRAWING_STATUSES.contains(status);
    }
}
