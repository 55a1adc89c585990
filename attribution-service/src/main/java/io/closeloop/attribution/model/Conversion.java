package io.closeloop.attribution.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The state of a conversion the models credit: its latest time, status and value.
 *
 * @param valueMinor the value in minor units of {@code currency}; 0 for a conversion without value
 * @param type the conversion type (e.g. {@code purchase}, {@code deal}); it selects the tenant's lookback window
 *             when the conversion brings none; {@code null} uses the default window
 * @param lookback the conversion type's own window as ingest sent it ({@code lookback_days}); {@code null} leaves it
 *             to the tenant's options
 */
public record Conversion(String id, Instant at, String status, long valueMinor, String currency, String type,
                         Duration lookback) {

    /** Statuses that take a conversion's revenue out of every aggregate; a fully refunded one is {@code refunded}. */
    public static final Set<String> WITHDRAWING_STATUSES = Set.of("lost", "cancelled", "refunded");

    public Conversion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(currency, "currency");
        if (valueMinor < 0) {
            throw new IllegalArgumentException("a conversion value cannot be negative: " + valueMinor);
        }
        if (lookback != null && (lookback.isNegative() || lookback.isZero())) {
            throw new IllegalArgumentException("a lookback must be positive: " + lookback);
        }
    }

    public Conversion(String id, Instant at, String status, long valueMinor, String currency, String type) {
        this(id, at, status, valueMinor, currency, type, null);
    }

    /** A conversion of no particular type: the default lookback applies. */
    public Conversion(String id, Instant at, String status, long valueMinor, String currency) {
        this(id, at, status, valueMinor, currency, null);
    }

    public boolean withdrawn() {
        return status != null && WITHDRAWING_STATUSES.contains(status);
    }
}
