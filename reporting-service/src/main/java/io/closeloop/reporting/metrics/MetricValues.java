package io.closeloop.reporting.metrics;

import java.math.BigDecimal;

/** The metrics of one report row, as defined in docs/architecture.md ("Report metrics"); null = division by zero. */
public record MetricValues(BigDecimal conversions, long revenueMinor, long spendMinor, BigDecimal roi,
                           BigDecimal roas, Long cpaMinor, Long costPerOfflineConversionMinor,
                           Long averageDealSizeMinor, BigDecimal leads, BigDecimal conversionRate,
                           Long revenuePerLeadMinor, BigDecimal matchRate, BigDecimal attributedShare,
                           BigDecimal averageTouches, BigDecimal timeToConvertMedianHours,
                           BigDecimal timeToConvertP90Hours, BigDecimal offlineShare) {
}
