package io.closeloop.reporting.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.closeloop.reporting.metrics.MetricValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One row of a metric view; keys present per view. Money in minor units of the base currency;"
        + " a division by zero is null. Definitions: docs/architecture.md, Report metrics")
public record ReportRow(
        @JsonInclude(JsonInclude.Include.NON_NULL) String channel,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Campaigns view; absent when the lines name no campaign") String campaign,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Over-time views: the day the period starts") LocalDate period,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "2026-01-05, 2026-W02, 2026-01 or 2026-Q1") String periodLabel,
        @Schema(description = "Fractional credited conversions") BigDecimal conversions,
        long revenueMinor,
        long spendMinor,
        @Schema(description = "(revenueMinor - spendMinor) / spendMinor") BigDecimal roi,
        @Schema(description = "revenueMinor / spendMinor") BigDecimal roas,
        Long cpaMinor,
        Long costPerOfflineConversionMinor,
        Long averageDealSizeMinor,
        BigDecimal leads,
        @Schema(description = "conversions / measured touches") BigDecimal conversionRate,
        Long revenuePerLeadMinor,
        BigDecimal matchRate,
        BigDecimal attributedShare,
        BigDecimal averageTouches,
        BigDecimal timeToConvertMedianHours,
        BigDecimal timeToConvertP90Hours,
        BigDecimal offlineShare,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Year over year: the same period a year earlier") ReportRow previous) {

    public static ReportRow of(String channel, String campaign, LocalDate period, String periodLabel,
                               MetricValues m) {
        return new ReportRow(channel, campaign, period, periodLabel, m.conversions(), m.revenueMinor(),
                m.spendMinor(), m.roi(), m.roas(), m.cpaMinor(), m.costPerOfflineConversionMinor(),
                m.averageDealSizeMinor(), m.leads(), m.conversionRate(), m.revenuePerLeadMinor(), m.matchRate(),
                m.attributedShare(), m.averageTouches(), m.timeToConvertMedianHours(), m.timeToConvertP90Hours(),
                m.offlineShare(), null);
    }

    public ReportRow withPrevious(ReportRow previous) {
        return new ReportRow(channel, campaign, period, periodLabel, conversions, revenueMinor, spendMinor, roi, roas,
                cpaMinor, costPerOfflineConversionMinor, averageDealSizeMinor, leads, conversionRate,
                revenuePerLeadMinor, matchRate, attributedShare, averageTouches, timeToConvertMedianHours,
                timeToConvertP90Hours, offlineShare, previous);
    }
}
