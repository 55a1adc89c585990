package io.closeloop.reporting.repository;

import java.math.BigDecimal;

/** Rows of the metric queries, each under its group's key. */
public final class MetricGroups {

    private MetricGroups() {
    }

    public record Credits(GroupKey key, BigDecimal conversions, long revenueMinor, long attributedRevenueMinor,
                          BigDecimal offlineConversions, BigDecimal valuedConversions, BigDecimal leads) {
    }

    public record Conversions(GroupKey key, long withMatchFlag, long matched, long pathConversions,
                              long pathTouches, Double timeToConvertMedianHours, Double timeToConvertP90Hours) {
    }

    public record Amount(GroupKey key, long value) {
    }

    /** Touches per group: measured ones and those whose consent did not grant measurement. */
    public record Touches(GroupKey key, long measured, long suppressed) {
    }

    /** Amounts left out of the base-currency figures for want of a rate, per original currency. */
    public record WithoutRate(String currency, long count, long amountMinor) {
    }

    public record Named(String first, String second, long count) {
    }
}
