package io.closeloop.reporting.domain;

import io.closeloop.common.InvalidInputException;
import java.math.BigDecimal;

/**
 * Revenue totals in minor units never wrap around: PostgreSQL sums bigint as numeric, and a total beyond a long is
 * refused with a clear reason (ask a shorter period) instead of a silently negative figure. Ingest bounds every
 * amount to 10^15 minor units, so this takes more than 9,000 maximal conversions of one currency in one period.
 */
public final class RevenueSums {

    private RevenueSums() {
    }

    /** {@code sum} as a long; refused (400 naming {@code to}) when it does not fit. */
    public static long exact(BigDecimal sum, String currency) {
        try {
            return sum.longValueExact();
        } catch (ArithmeticException e) {
            throw tooLarge(currency);
        }
    }

    /** {@code a + b}; refused like {@link #exact} when the total does not fit a long. */
    public static long add(long a, long b, String currency) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw tooLarge(currency);
        }
    }

    private static InvalidInputException tooLarge(String currency) {
        return new InvalidInputException("to", "the attributed revenue in " + currency + " of this period exceeds "
                + Long.MAX_VALUE + " minor units, more than a report can total; ask a shorter period");
    }
}
