package io.closeloop.contracts;

import java.util.List;

/** How often journeys took one channel path: conversions, their value in minor units, and non-converting journeys. */
public record PathCount(List<String> channels, long conversions, long valueMinor, long nulls) {
}
