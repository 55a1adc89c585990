package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FxConverterTest {

    @ParameterizedTest(name = "{0} {1} at {3} -> {4} {2}")
    @CsvSource({
        // 2 -> 2 digits
        "125000, EUR, USD, 1.0850, 135625",
        "100, EUR, USD, 1.5, 150",
        "1, EUR, USD, 1.005, 1",
        "199, EUR, GBP, 0.8571, 171",
        // half-even ties at the target's minor unit: to the even neighbour, both directions
        "1, EUR, USD, 0.5, 0",
        "3, EUR, USD, 0.5, 2",
        "5, EUR, USD, 0.5, 2",
        "7, EUR, USD, 0.5, 4",
        "25, EUR, USD, 0.1, 2",
        "35, EUR, USD, 0.1, 4",
        "-1, EUR, USD, 0.5, 0",
        "-3, EUR, USD, 0.5, -2",
        "-25, EUR, USD, 0.1, -2",
        // just off a tie rounds to the nearer side
        "25, EUR, USD, 0.1000001, 3",
        "25, EUR, USD, 0.0999999, 2",
        // 2 -> 0 digits (JPY)
        "10000, USD, JPY, 151.237, 15124",
        "100, USD, JPY, 150.5, 150",
        "100, USD, JPY, 151.5, 152",
        "250, USD, JPY, 1, 2",
        "350, USD, JPY, 1, 4",
        // 0 -> 2 digits
        "15000, JPY, EUR, 0.00612, 9180",
        "1, JPY, EUR, 0.00625, 1",
        "1, JPY, EUR, 0.00635, 1",
        "1, JPY, EUR, 0.00645, 1",
        "3, JPY, EUR, 0.005, 2",
        // 3 digits (KWD, BHD)
        "1000, KWD, USD, 3.2545, 325",
        "1005, KWD, EUR, 1, 100",
        "1015, KWD, EUR, 1, 102",
        "1025, KWD, EUR, 1, 102",
        "100, EUR, KWD, 0.30725, 307",
        "100, EUR, KWD, 0.30735, 307",
        "100, EUR, KWD, 0.30745, 307",
        "100, EUR, KWD, 0.3075, 308",
        "1234, BHD, JPY, 397.5, 491",
        "1, JPY, KWD, 0.0020445, 2",
        // zero
        "0, EUR, JPY, 160.12, 0",
        // lower-case and padded codes
        "100, eur, ' usd ', 2, 200"
    })
    void convertsRoundingHalfEvenToTheTargetsMinorUnit(long amount, String from, String to, BigDecimal rate,
                                                       long expected) {
        FxConverter.Converted converted = FxConverter.convert(amount, from, to, rate);
        assertThat(converted.amountMinor()).isEqualTo(expected);
        assertThat(converted.currency()).isEqualTo(to.trim().toUpperCase());
        assertThat(converted.originalAmountMinor()).isEqualTo(amount);
        assertThat(converted.originalCurrency()).isEqualTo(from.trim().toUpperCase());
        assertThat(converted.rate()).isEqualByComparingTo(rate);
    }

    @Test
    void largeAmountsStayExactWithoutOverflow() {
        long big = 900_000_000_000_000_000L; // 9e17 cents
        assertThat(FxConverter.convert(big, "EUR", "USD", new BigDecimal("1.0000000001")).amountMinor())
                .isEqualTo(900_000_000_090_000_000L);
        assertThat(FxConverter.convert(Long.MAX_VALUE, "USD", "EUR", new BigDecimal("0.5")).amountMinor())
                .isEqualTo(4_611_686_018_427_387_904L); // 9223372036854775807 / 2 = ...903.5 -> even ...904
        assertThat(FxConverter.convert(Long.MIN_VALUE, "USD", "EUR", BigDecimal.ONE).amountMinor())
                .isEqualTo(Long.MIN_VALUE);
        assertThat(FxConverter.convert(Long.MAX_VALUE, "USD", "JPY", new BigDecimal("0.01")).amountMinor())
                .isEqualTo(922_337_203_685_478L); // 92233720368547758.07 USD * 0.01 = 922337203685477.5807 JPY
    }

    @Test
    void aResultBeyondALongIsRefused() {
        assertThatThrownBy(() -> FxConverter.convert(Long.MAX_VALUE, "USD", "EUR", new BigDecimal("2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> FxConverter.convert(Long.MAX_VALUE / 10, "JPY", "KWD", BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
    }

    @Test
    void aCurrencyConvertsToItselfUnchangedOnlyAtRateOne() {
        FxConverter.Converted same = FxConverter.convert(12345, "EUR", "eur", new BigDecimal("1.000"));
        assertThat(same.amountMinor()).isEqualTo(12345);
        assertThat(same.currency()).isEqualTo("EUR");
        assertThatThrownBy(() -> FxConverter.convert(12345, "EUR", "EUR", new BigDecimal("1.1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate 1");
    }

    @ParameterizedTest(name = "{0} -> {1} at {2} is refused: {3}")
    @CsvSource(nullValues = "null", value = {
        "EUR, USD, 0, rate must be positive",
        "EUR, USD, -1.08, rate must be positive",
        "EUR, USD, null, rate must be positive",
        "EUR, ABC, 1, to is not an ISO 4217 currency code",
        "EURO, USD, 1, from is not an ISO 4217 currency code",
        "null, USD, 1, from currency is required",
        "EUR, null, 1, to currency is required",
        "XXX, EUR, 1, has no minor unit",
        "EUR, XAU, 1, has no minor unit"
    })
    void refusesBadInput(String from, String to, BigDecimal rate, String message) {
        assertThatThrownBy(() -> FxConverter.convert(100, from, to, rate))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
