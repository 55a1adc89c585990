package io.closeloop.contracts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;

/**
 * One entered FX rate of a tenant, latest per {@code tenant:currency:base:day} on a compacted topic: {@code rate}
 * units of {@code baseCurrency} per unit of {@code currency}, valid from {@code day} on (an amount of a day uses
 * the latest rate dated on or before that day, in the tenant's time zone).
 *
 * @param rate a plain positive decimal string, exactly as the tenant entered it
 * @param updatedAt when the rate was created or last changed
 */
public record FxRate(String tenant, String currency, String baseCurrency, LocalDate day, String rate,
                     Instant updatedAt) implements TenantScoped {

    /**
     * The one conversion rule of the platform, shared by ingest and attribution so base values never diverge:
     * {@code amountMinor} is taken to major units with the source currency's minor-unit digits, multiplied by
     * {@code rate} in BigDecimal and rounded half-even (ties do not drift totals upwards) to the target's minor
     * unit. No double ever touches money.
     *
     * @throws IllegalArgumentException for an unknown currency, one without minor units (XXX, XAU, ...), a rate
     *     that is not positive, the same currency at a rate other than 1, or a result that does not fit a long
     */
    public static long convert(long amountMinor, String from, String to, BigDecimal rate) {
        Currency source = currency("from", from);
        Currency target = currency("to", to);
        if (rate == null || rate.signum() <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        if (source.equals(target)) {
            if (rate.compareTo(BigDecimal.ONE) != 0) {
                throw new IllegalArgumentException("a currency converts to itself only at rate 1");
            }
            return amountMinor;
        }
        BigDecimal major = BigDecimal.valueOf(amountMinor).movePointLeft(source.getDefaultFractionDigits());
        BigDecimal targetMinor = major.multiply(rate)
                .setScale(target.getDefaultFractionDigits(), RoundingMode.HALF_EVEN)
                .movePointRight(target.getDefaultFractionDigits());
        try {
            return targetMinor.longValueExact();
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
