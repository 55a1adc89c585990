package io.closeloop.ingest.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/**
 * Converts integer minor units between ISO 4217 currencies at a given rate, exactly: the amount is taken
 * to major units with the source currency's minor-unit digits (JPY 0, EUR 2, KWD 3, from
 * {@link Currency#getDefaultFractionDigits()}), multiplied by the rate in BigDecimal, and rounded half-even
 * (banker's rounding, so ties do not drift totals upwards) to the target's minor unit. No double ever
 * touches money. The original amount travels with the result, so a report can show what was paid.
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
        Currency source = currency("from", from);
        Currency target = currency("to", to);
        if (rate == null || rate.signum() <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        if (source.equals(target)) {
            if (rate.compareTo(BigDecimal.ONE) != 0) {
                throw new IllegalArgumentException("a currency converts to itself only at rate 1");
            }
            return new Converted(amountMinor, target.getCurrencyCode(), amountMinor, source.getCurrencyCode(),
                    rate);
        }
        BigDecimal major = BigDecimal.valueOf(amountMinor).movePointLeft(source.getDefaultFractionDigits());
        BigDecimal targetMinor = major.multiply(rate)
                .setScale(target.getDefaultFractionDigits(), RoundingMode.HALF_EVEN)
                .movePointRight(target.getDefaultFractionDigits());
        try {
            return new Converted(targetMinor.longValueExact(), target.getCurrencyCode(), amountMinor,
                    source.getCurrencyCode(), rate);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("converted amount does not fit in minor units", e);
        }
    }

    private static Currency currency(String field, String code) {
        if (code == null) {
            throw new IllegalArgumentException(field + " currency is required");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not an ISO 4217 currency code: " + code, e);
        }
        if (currency.getDefaultFractionDigits() < 0) {
            // XXX, XAU, XDR ...: no minor unit, so minor units cannot be converted.
            throw new IllegalArgumentException(field + " currency " + currency.getCurrencyCode()
                    + " has no minor unit");
        }
        return currency;
    }
}
