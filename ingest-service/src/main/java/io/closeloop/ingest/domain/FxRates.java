package io.closeloop.ingest.domain;

import io.closeloop.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A tenant's FX-rate table: per currency pair, rates by date. The rate of a day is the latest one dated on or
 * before it, so a table with a rate per business day covers weekends. Rates are used only in the direction they
 * were entered (no inverting, which would invent a rounding the tenant never agreed to).
 */
public final class FxRates {

    public static final FxRates NONE = new FxRates(List.of());

    /** One entered rate: {@code rate} units of {@code to} per unit of {@code from}, from {@code date} on. */
    public record Rate(LocalDate date, String from, String to, BigDecimal rate) {
    }

    private final Map<String, TreeMap<LocalDate, BigDecimal>> byPair = new HashMap<>();

    public FxRates(List<Rate> rates) {
        for (Rate rate : rates) {
            byPair.computeIfAbsent(rate.from() + ":" + rate.to(), k -> new TreeMap<>()).put(rate.date(), rate.rate());
        }
    }

    /** The latest rate from {@code from} to {@code to} dated on or before {@code day}. */
    public Optional<BigDecimal> rateOn(String from, String to, LocalDate day) {
        TreeMap<LocalDate, BigDecimal> rates = byPair.get(from + ":" + to);
        Entry<LocalDate, BigDecimal> entry = rates == null ? null : rates.floorEntry(day);
        return entry == null ? Optional.empty() : Optional.of(entry.getValue());
    }

    /**
     * The amount in the base currency on {@code day}, rounded half-even to its minor unit; the amount itself when
     * the currencies agree; empty when the table has no rate for the pair on or before that day.
     */
    public Optional<Money> toBase(Money amount, String baseCurrency, LocalDate day) {
        if (amount.currency().equals(baseCurrency)) {
            return Optional.of(amount);
        }
        return rateOn(amount.currency(), baseCurrency, day)
                .map(rate -> FxConverter.convert(amount.amountMinor(), amount.currency(), baseCurrency, rate))
                .map(converted -> new Money(converted.amountMinor(), converted.currency()));
    }
}
