package io.closeloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Credit given to one touch. {@code creditMinor} across the lines of a set adds up exactly to the
 * conversion value; {@code fractionalConversions} adds up to 1.
 */
public record CreditLine(
        UUID touchId,
        Instant touchTime,
        String channel,
        String source,
        String medium,
        String campaign,
        long creditMinor,
        double fractionalConversions) {
}
