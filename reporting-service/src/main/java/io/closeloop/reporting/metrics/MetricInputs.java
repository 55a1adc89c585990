package io.closeloop.reporting.metrics;

import java.math.BigDecimal;

/**
 * The additive figures of one report row (see docs/architecture.md, "Report metrics"): sums over its credit
 * lines, spend and touches, and counts over its whole conversions. Two rows' inputs add up to their union's,
 * except the time-to-convert percentiles, which come from the conversions themselves.
 *
 * @param conversions Σ fractional conversions of lines with a base amount
 * @param revenueMinor Σ base credit
 * @param attributedRevenueMinor Σ base credit of lines not on {@code unattributed}
 * @param offlineConversions Σ fractional conversions of offline conversions
 * @param valuedConversions Σ fractional conversions of sets with a value above 0
 * @param leads Σ fractional conversions of conversions that reached a lead stage
 * @param spendMinor Σ base spend
 * @param touches measured touches
 * @param conversionsWithMatchFlag whole conversions whose set says matched or not
 * @param matchedConversions whole conversions whose set says matched
 * @param pathConversions matched conversions whose linear set lists touches
 * @param pathTouches Σ touches of those paths
 * @param timeToConvertMedianHours median hours from first touch to conversion; null without any
 * @param timeToConvertP90Hours 90th percentile of the same; null without any
 */
public record MetricInputs(BigDecimal conversions, long revenueMinor, long attributedRevenueMinor,
                           BigDecimal offlineConversions, BigDecimal valuedConversions, BigDecimal leads,
                           long spendMinor, long touches, long conversionsWithMatchFlag, long matchedConversions,
                           long pathConversions, long pathTouches, Double timeToConvertMedianHours,
                           Double timeToConvertP90Hours) {

    public static final MetricInputs NONE = new MetricInputs(BigDecimal.ZERO, 0, 0, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0, null, null);

    public MetricInputs withCredits(BigDecimal conversions, long revenueMinor, long attributedRevenueMinor,
                                    BigDecimal offlineConversions, BigDecimal valuedConversions, BigDecimal leads) {
        return new MetricInputs(conversions, revenueMinor, attributedRevenueMinor, offlineConversions,
                valuedConversions, leads, spendMinor, touches, conversionsWithMatchFlag, matchedConversions,
                pathConversions, pathTouches, timeToConvertMedianHours, timeToConvertP90Hours);
    }

    public MetricInputs withSpend(long spendMinor) {
        return new MetricInputs(conversions, revenueMinor, attributedRevenueMinor, offlineConversions,
                valuedConversions, leads, spendMinor, touches, conversionsWithMatchFlag, matchedConversions,
                pathConversions, pathTouches, timeToConvertMedianHours, timeToConvertP90Hours);
    }

    public MetricInputs withTouches(long touches) {
        return new MetricInputs(conversions, revenueMinor, attributedRevenueMinor, offlineConversions,
                valuedConversions, leads, spendMinor, touches, conversionsWithMatchFlag, matchedConversions,
                pathConversions, pathTouches, timeToConvertMedianHours, timeToConvertP90Hours);
    }

    public MetricInputs withConversionStats(long withMatchFlag, long matched, long pathConversions, long pathTouches,
                                            Double medianHours, Double p90Hours) {
        return new MetricInputs(conversions, revenueMinor, attributedRevenueMinor, offlineConversions,
                valuedConversions, leads, spendMinor, touches, withMatchFlag, matched, pathConversions, pathTouches,
                medianHours, p90Hours);
    }
}
