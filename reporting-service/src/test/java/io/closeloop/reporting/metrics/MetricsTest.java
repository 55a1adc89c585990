package io.closeloop.reporting.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void aDivisionByZeroIsNullNeverZeroOrInfinity() {
        MetricValues none = Metrics.of(MetricInputs.NONE);
        assertThat(none.roi()).isNull();
        assertThat(none.roas()).isNull();
        assertThat(none.cpaMinor()).isNull();
        assertThat(none.costPerOfflineConversionMinor()).isNull();
        assertThat(none.averageDealSizeMinor()).isNull();
        assertThat(none.conversionRate()).isNull();
        assertThat(none.revenuePerLeadMinor()).isNull();
        assertThat(none.matchRate()).isNull();
        assertThat(none.attributedShare()).isNull();
        assertThat(none.averageTouches()).isNull();
        assertThat(none.timeToConvertMedianHours()).isNull();
        assertThat(none.offlineShare()).isNull();
        assertThat(none.conversions()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void everyMetricFollowsItsDefinition() {
        MetricInputs in = MetricInputs.NONE
                .withCredits(new BigDecimal("3"), 20_000, 15_000, new BigDecimal("1"), new BigDecimal("2"),
                        new BigDecimal("0.5"))
                .withSpend(6_000)
                .withTouches(12)
                .withConversionStats(4, 3, 2, 5, 12.0, 21.6);
        MetricValues m = Metrics.of(in);
        assertThat(m.roi()).isEqualByComparingTo("2.333333");
        assertThat(m.roas()).isEqualByComparingTo("3.333333");
        assertThat(m.cpaMinor()).isEqualTo(2_000L);
        assertThat(m.costPerOfflineConversionMinor()).isEqualTo(6_000L);
        assertThat(m.averageDealSizeMinor()).isEqualTo(10_000L);
        assertThat(m.leads()).isEqualByComparingTo("0.5");
        assertThat(m.conversionRate()).isEqualByComparingTo("0.25");
        assertThat(m.revenuePerLeadMinor()).isEqualTo(40_000L);
        assertThat(m.matchRate()).isEqualByComparingTo("0.75");
        assertThat(m.attributedShare()).isEqualByComparingTo("0.75");
        assertThat(m.averageTouches()).isEqualByComparingTo("2.5");
        assertThat(m.timeToConvertMedianHours()).isEqualByComparingTo("12");
        assertThat(m.timeToConvertP90Hours()).isEqualByComparingTo("21.6");
        assertThat(m.offlineShare()).isEqualByComparingTo("0.333333");
    }

    @Test
    void moneyIsRoundedHalfEvenToTheMinorUnitAndRatiosToSixDecimals() {
        assertThat(Metrics.money(new BigDecimal("5"), new BigDecimal("2"))).isEqualTo(2L);
        assertThat(Metrics.money(new BigDecimal("7"), new BigDecimal("2"))).isEqualTo(4L);
        assertThat(Metrics.money(new BigDecimal("5000"), new BigDecimal("3"))).isEqualTo(1667L);
        assertThat(Metrics.ratio(new BigDecimal("-1500"), new BigDecimal("1500")).toPlainString()).isEqualTo("-1");
        assertThat(Metrics.ratio(BigDecimal.ONE, new BigDecimal("3")).toPlainString()).isEqualTo("0.333333");
        assertThat(Metrics.count(new BigDecimal("0.9999999999999999")).toPlainString()).isEqualTo("1");
    }

    @Test
    void periodsAreIsoWeeksMonthsAndQuartersWithTheirLabels() {
        LocalDate sunday = LocalDate.of(2026, 1, 4);
        assertThat(Grain.WEEK.start(sunday)).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(Grain.WEEK.label(LocalDate.of(2025, 12, 29))).isEqualTo("2026-W01");
        assertThat(Grain.WEEK.label(LocalDate.of(2026, 1, 5))).isEqualTo("2026-W02");
        assertThat(Grain.MONTH.label(LocalDate.of(2026, 1, 1))).isEqualTo("2026-01");
        assertThat(Grain.QUARTER.start(LocalDate.of(2026, 5, 17))).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(Grain.QUARTER.label(LocalDate.of(2026, 4, 1))).isEqualTo("2026-Q2");
        assertThat(Grain.DAY.label(LocalDate.of(2026, 1, 5))).isEqualTo("2026-01-05");
        assertThat(Grain.WEEK.starts(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 12)))
                .containsExactly(LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 12));
        assertThat(Grain.parse("Week")).isEqualTo(Grain.WEEK);
        assertThat(Grain.parse("fortnight")).isNull();
    }

    @Test
    void aYearEarlierIsTheSameMonthQuarterDayOrIsoWeek() {
        assertThat(Grain.MONTH.yearEarlier(LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(Grain.DAY.yearEarlier(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2023, 2, 28));
        // 2026-W02 starts on Monday 2026-01-05; 2025-W02 on Monday 2025-01-06.
        assertThat(Grain.WEEK.yearEarlier(LocalDate.of(2026, 1, 5))).isEqualTo(LocalDate.of(2025, 1, 6));
        // 2026 has 53 ISO weeks, 2025 has 52: week 53 compares with week 52.
        assertThat(Grain.WEEK.yearEarlier(LocalDate.of(2026, 12, 28))).isEqualTo(LocalDate.of(2025, 12, 22));
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralized() {
        assertThat(CsvCells.neutralize("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvCells.neutralize("+1")).isEqualTo("'+1");
        assertThat(CsvCells.neutralize("-2")).isEqualTo("'-2");
        assertThat(CsvCells.neutralize("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.neutralize("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.neutralize("\rx")).isEqualTo("'\rx");
        assertThat(CsvCells.neutralize("brand")).isEqualTo("brand");
        assertThat(CsvCells.neutralize(null)).isEmpty();
        assertThat(CsvCells.neutralize(new BigDecimal("-1"))).isEqualTo("-1");
        assertThat(CsvCells.neutralize(-5L)).isEqualTo("-5");
    }

    @Test
    void reachingAStageImpliesTheEarlierOnes() {
        assertThat(FunnelStages.reached("sql")).containsExactly("new", "qualified", "mql", "sql");
        assertThat(FunnelStages.reached("WON")).containsExactly("new", "qualified", "mql", "sql", "won");
        assertThat(FunnelStages.reached("lost")).containsExactly("new", "lost");
        assertThat(FunnelStages.reached("completed")).isEmpty();
        assertThat(FunnelStages.reached(null)).isEmpty();
    }
}
