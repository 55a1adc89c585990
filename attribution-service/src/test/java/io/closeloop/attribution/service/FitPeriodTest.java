package io.closeloop.attribution.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FitPeriodTest {

    private static final Duration NINETY_DAYS = Duration.ofDays(90);
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant NEWEST = Instant.parse("2024-06-30T15:00:00.123456789Z");

    @Test
    void theDefaultEndsJustAfterTheNewestConversionNotNow() {
        FitPeriod period = FitPeriod.latestOfData(NEWEST, NINETY_DAYS, NOW);
        assertThat(period.to()).isEqualTo(Instant.parse("2024-06-30T15:00:00.123457Z"));
        assertThat(period.from()).isEqualTo(period.to().minus(NINETY_DAYS));
        assertThat(NEWEST).isBefore(period.to());
    }

    @Test
    void withoutAnyConversionTheDefaultEndsNow() {
        assertThat(FitPeriod.latestOfData(null, NINETY_DAYS, NOW)).isEqualTo(new FitPeriod(NOW.minus(NINETY_DAYS), NOW));
    }

    @Test
    void namedDaysAreUtcAndInclusive() {
        FitPeriod period = FitPeriod.parse("2024-01-01", "2024-03-31", NEWEST, NINETY_DAYS, NOW);
        assertThat(period).isEqualTo(new FitPeriod(Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-04-01T00:00:00Z")));
        assertThat(FitPeriod.parse("2024-05-05", "2024-05-05", NEWEST, NINETY_DAYS, NOW).to())
                .isEqualTo(Instant.parse("2024-05-06T00:00:00Z"));
    }

    @Test
    void aMissingEndIsTheDataEndAndAMissingStartThePeriodLengthBefore() {
        assertThat(FitPeriod.parse("2024-01-01", null, NEWEST, NINETY_DAYS, NOW).to())
                .isEqualTo(FitPeriod.latestOfData(NEWEST, NINETY_DAYS, NOW).to());
        assertThat(FitPeriod.parse(null, "2024-03-31", NEWEST, NINETY_DAYS, NOW).from())
                .isEqualTo(Instant.parse("2024-04-01T00:00:00Z").minus(NINETY_DAYS));
        assertThat(FitPeriod.parse(null, " ", NEWEST, NINETY_DAYS, NOW)).isNull();
    }

    @Test
    void badPeriodsNameTheirField() {
        assertThat(fields("2024-13-01", "yesterday")).containsExactly("from", "to");
        assertThat(fields("2024-03-01", "2024-02-28")).containsExactly("to");
        assertThat(fields("2025-01-01", null)).containsExactly("from");
        assertThat(fields("1969-12-31", "2024-01-01")).containsExactly("from");
        assertThat(fields("2000-01-01", "2024-01-01")).containsExactly("to");
    }

    private static java.util.List<String> fields(String from, String to) {
        try {
            FitPeriod.parse(from, to, NEWEST, NINETY_DAYS, NOW);
        } catch (InvalidInputException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("no error for " + from + ".." + to);
    }
}
