package io.closeloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Credit given to one touch. {@code creditMinor} across the lines of a set adds up exactly to the
 * conversion value; {@code fractionalConversions} adds up to 1.
 *
 * @param baseCreditMinor the credit in the tenant's base currency (schema 3); across the lines of a set it adds up
 *        exactly to the set's {@code baseValueMinor} (largest remainder); null when the set has no base value
 */
public record CreditLine(
        UUID touchId,
        Instant touchTime,
        String channel,
        String source,
        String medium,
        String campaign,
        long creditMinor,
        double fractionalConversions,
        Long baseCreditMinor) {

    /** Schema 1 and 2 shape. */
    public CreditLine(UUID touchId, Instant touchTime, String channel, String source, String medium, String campaign,
                      long creditMinor, double fractionalConversions) {
        this(touchId, touchTime, channel, source, medium, campaign, creditMinor, fractionalConversions, null);
    }
}
