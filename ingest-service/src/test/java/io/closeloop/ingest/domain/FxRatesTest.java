package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.Money;
import io.closeloop.ingest.domain.FxRates.Rate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FxRatesTest {

    private static final FxRates TABLE = new FxRates(List.of(
            new Rate(LocalDate.parse("2026-10-01"), "USD", "EUR", new BigDecimal("0.9215")),
            new Rate(LocalDate.parse("2026-10-05"), "USD", "EUR", new BigDecimal("0.9000")),
            new Rate(LocalDate.parse("2026-10-01"), "JPY", "EUR", new BigDecimal("0.0061")),
            new Rate(LocalDate.parse("2026-10-01"), "EUR", "KWD", new BigDecimal("0.3305"))));

    @Test
    void theLatestRateOnOrBeforeTheDay() {
        assertThat(TABLE.rateOn("USD", "EUR", LocalDate.parse("2026-09-30"))).isEmpty();
        assertThat(TABLE.rateOn("USD", "EUR", LocalDate.parse("2026-10-01"))).contains(new BigDecimal("0.9215"));
        assertThat(TABLE.rateOn("USD", "EUR", LocalDate.parse("2026-10-04"))).contains(new BigDecimal("0.9215"));
        assertThat(TABLE.rateOn("USD", "EUR", LocalDate.parse("2026-10-05"))).contains(new BigDecimal("0.9000"));
        assertThat(TABLE.rateOn("USD", "EUR", LocalDate.parse("2027-01-01"))).contains(new BigDecimal("0.9000"));
        // Rates are used only in the direction they were entered.
        assertThat(TABLE.rateOn("EUR", "USD", LocalDate.parse("2026-10-05"))).isEmpty();
    }

    @Test
    void convertsToTheBaseCurrencyRoundingHalfEven() {
        LocalDate day = LocalDate.parse("2026-10-02");
        // 1,250.00 USD * 0.9215 = 1,151.875 EUR: a tie, half-even goes to the even 1,151.88
        assertThat(TABLE.toBase(new Money(125000, "USD"), "EUR", day)).contains(new Money(115188, "EUR"));
        // 0.50 USD * 0.9215 = 0.46075 -> 0.46 (below the tie)
        assertThat(TABLE.toBase(new Money(50, "USD"), "EUR", day)).contains(new Money(46, "EUR"));
        // 10.50 USD at 0.9 (from the 5th) = 9.45 exactly
        assertThat(TABLE.toBase(new Money(1050, "USD"), "EUR", LocalDate.parse("2026-10-05")))
                .contains(new Money(945, "EUR"));
        // JPY has no minor unit: 1,500 JPY * 0.0061 = 9.15 EUR
        assertThat(TABLE.toBase(new Money(1500, "JPY"), "EUR", day)).contains(new Money(915, "EUR"));
        // KWD has three: 100.00 EUR * 0.3305 = 33.050 KWD
        assertThat(TABLE.toBase(new Money(10000, "EUR"), "KWD", day)).contains(new Money(33050, "KWD"));
        assertThat(TABLE.toBase(new Money(777, "EUR"), "EUR", day)).contains(new Money(777, "EUR"));
        assertThat(TABLE.toBase(new Money(100, "GBP"), "EUR", day)).isEmpty();
    }

    @Test
    void exactTiesGoToTheEvenNeighbour() {
        FxRates half = new FxRates(List.of(new Rate(LocalDate.parse("2026-01-01"), "USD", "EUR",
                new BigDecimal("0.5"))));
        LocalDate day = LocalDate.parse("2026-06-01");
        assertThat(half.toBase(new Money(1, "USD"), "EUR", day)).contains(new Money(0, "EUR")); // 0.005 -> 0.00
        assertThat(half.toBase(new Money(3, "USD"), "EUR", day)).contains(new Money(2, "EUR")); // 0.015 -> 0.02
        assertThat(half.toBase(new Money(5, "USD"), "EUR", day)).contains(new Money(2, "EUR")); // 0.025 -> 0.02
        assertThat(half.toBase(new Money(7, "USD"), "EUR", day)).contains(new Money(4, "EUR")); // 0.035 -> 0.04
    }
}
