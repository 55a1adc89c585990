package io.closeloop.attribution.model;

import java.util.List;
import java.util.Objects;

/**
 * One line of an aggregated path file: a channel path and how many journeys that followed it converted
 * (with their total value) and how many did not.
 *
 * @param channels the path's channels in journey order, never empty
 * @param conversions converting journeys with this path
 * @param conversionValue their total conversion value (informational; the fits weigh journeys by count)
 * @param nulls non-converting journeys with this path
 */
public record PathRecord(List<String> channels, long conversions, double conversionValue, long nulls) {

    public PathRecord {
        channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a path needs at least one channel");
        }
        if (conversions < 0 || nulls < 0 || !(conversionValue >= 0) || Double.isInfinite(conversionValue)) {
            throw new IllegalArgumentException("counts and value must be finite and non-negative: " + conversions
                    + ";" + conversionValue + ";" + nulls);
        }
    }
}
