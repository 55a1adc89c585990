package io.closeloop.ingest.domain;

import io.closeloop.contracts.FxRate;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * Converts integer minor units between ISO 4217 currencies at a given rate, exactly: the amount is taken
 * to major units with the source currency's minor-unit digits (JPY 0, EUR 2, KWD 3, from
 * {@link Currency#getDefaultFractionDigits()}), multiplied by the rate in BigDecimal, and rounded half-even
 * (banker's rounding, so ties do not drift totals upwards) to the target's minor unit. No double ever
 * touches money. The original amount travels with the result, so a report can show what was paid. The rule
 * itself is {@link FxRate#convert}, shared with attribution, which converts conversions whose rate came late.
 */
public final class FxConverter {

    private FxConverter() {
    }

    /** An amount in the target currency plus the original it came from and the rate used. */
    public record Converted(long amountMinor, String currency, long originalAmountMinor, String originalCurrency,
                            BigDecimal rate) {
    }

    /**
     * Converts {@code amountMinor} of {@code from} at {@code rate} units of {@code to} per unit of
     * {@code from}. The same currency converts to itself unchanged and then requires a rate of 1.
     *
     * @throws IllegalArgumentException for an unknown currency, one without minor units (XXX, XAU, ...),
     *     a rate that is not positive, or a result that does not fit a long
     */
    public static Converted convert(long amountMinor, String from, String to, BigDecimal rate) {
        long converted = FxRate.convert(amountMinor, from, to, rate);
        return new Converted(converted, code(to), amountMinor, code(from), rate);
    }

    private static String code(String currency) {
        return Currency.getInstance(currency.trim().toUpperCase(Locale.ROOT)).getCurrencyCode();
    }
}
