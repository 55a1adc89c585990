package io.closeloop.reporting.service;

import io.closeloop.reporting.domain.RevenueSums;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.closeloop.common.InvalidInputException;
import io.closeloop.reporting.repository.FallbackGroup;
import io.closeloop.reporting.repository.RevenueGroup;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportServiceTest {

    private final ReportRequest request = new ReportRequest(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
            "last_touch");

    @Test
    void rowsAreSortedByRevenueThenChannelAndCampaignAndTotalledPerCurrency() {
        AttributedRevenueReport report = ReportService.report(request, "Europe/Berlin", List.of(
                group("email", "b", "EUR", 500, "1"),
                group("paid_search", null, "EUR", 900, "2"),
                group("email", null, "EUR", 500, "0.5"),
                group("email", "a", "EUR", 500, "0.5"),
                group("unattributed", null, "USD", 700, "1")));

        assertThat(report.rows()).extracting(RevenueRow::channel, RevenueRow::campaign, RevenueRow::revenueMinor)
                .containsExactly(tuple("paid_search", null, 900L), tuple("unattributed", null, 700L),
                        tuple("email", "a", 500L), tuple("email", "b", 500L), tuple("email", null, 500L));
        assertThat(report.totals()).containsExactly(new RevenueTotal("EUR", 2400, new BigDecimal("4")),
                new RevenueTotal("USD", 700, new BigDecimal("1")));
        assertThat(report.timeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void fallbackCreditsAreCountedPerRowAndCurrencyAndNamedInANote() {
        AttributedRevenueReport report = ReportService.withFallbacks(ReportService.report(request, "UTC", List.of(
                        group("email", "a", "EUR", 500, "1.5"),
                        group("display", null, "EUR", 300, "0.5"),
                        group("email", "a", "USD", 700, "1"))),
                List.of(new FallbackGroup("email", "a", "EUR", "last_non_direct", 1),
                        new FallbackGroup("display", null, "EUR", "last_non_direct", 1),
                        new FallbackGroup(null, null, "EUR", "last_non_direct", 1)));
        assertThat(report.rows()).extracting(RevenueRow::channel, RevenueRow::currency, RevenueRow::fallbackConversions)
                .containsExactly(tuple("email", "USD", 0L), tuple("email", "EUR", 1L), tuple("display", "EUR", 1L));
        assertThat(report.totals()).containsExactly(new RevenueTotal("EUR", 800, new BigDecimal("2"), 1),
                new RevenueTotal("USD", 700, new BigDecimal("1"), 0));
        assertThat(report.fallbackModels()).containsExactly("last_non_direct");
        assertThat(report.note()).startsWith("1 conversion credited by the fallback model last_non_direct instead of"
                + " last_touch");
        AttributedRevenueReport none = ReportService.report(request, "UTC", List.of(group("email", "a", "EUR", 1, "1")));
        assertThat(ReportService.withFallbacks(none, List.of())).isEqualTo(none);
        assertThat(none.note()).isNull();
    }

    @Test
    void fractionalConversionsAreRoundedToSixDecimalsWithoutNoise() {
        assertThat(ReportService.conversions(new BigDecimal("0.9999999999999999"))).isEqualTo(new BigDecimal("1"));
        assertThat(ReportService.conversions(new BigDecimal("100.0"))).isEqualTo(new BigDecimal("100"));
        assertThat(ReportService.conversions(new BigDecimal("1.6250000"))).isEqualTo(new BigDecimal("1.625"));
        assertThat(ReportService.conversions(new BigDecimal("0.33333333333"))).isEqualTo(new BigDecimal("0.333333"));
        assertThat(ReportService.conversions(new BigDecimal("100")).toString()).isEqualTo("100");
    }

    @Test
    void totalsUpToTheLargestLongAreExactAndBeyondItAreRefusedNeverWrapped() {
        AttributedRevenueReport atBound = ReportService.report(request, "UTC", List.of(
                group("email", null, "EUR", Long.MAX_VALUE - 1, "1"), group("paid_search", null, "EUR", 1, "1")));
        assertThat(atBound.totals()).extracting(RevenueTotal::revenueMinor).containsExactly(Long.MAX_VALUE);

        assertThatThrownBy(() -> ReportService.report(request, "UTC", List.of(
                group("email", null, "EUR", Long.MAX_VALUE, "1"), group("paid_search", null, "EUR", 1, "1"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("shorter period");
        BigDecimal sqlSum = BigDecimal.valueOf(Long.MAX_VALUE).add(BigDecimal.ONE);
        assertThat(RevenueSums.exact(BigDecimal.valueOf(Long.MAX_VALUE), "EUR")).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> RevenueSums.exact(sqlSum, "EUR")).isInstanceOf(InvalidInputException.class);
    }

    private static RevenueGroup group(String channel, String campaign, String currency, long revenue,
                                      String conversions) {
        return new RevenueGroup(channel, campaign, currency, revenue, new BigDecimal(conversions));
    }
}
