package io.closeloop.reporting.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The metric arithmetic of docs/architecture.md ("Report metrics"): plain Java, null for a division by zero. */
public final class Metrics {

    /** Ratios and fractional counts are shown to this many decimals. */
    public static final int SCALE = 6;

    private Metrics() {
    }

    public static MetricValues of(MetricInputs in) {
        BigDecimal revenue = BigDecimal.valueOf(in.revenueMinor());
        BigDecimal spend = BigDecimal.valueOf(in.spendMinor());
        return new MetricValues(
                count(in.conversions()),
                in.revenueMinor(),
                in.spendMinor(),
                ratio(revenue.subtract(spend), spend),
                ratio(revenue, spend),
                money(spend, in.conversions()),
                money(spend, in.offlineConversions()),
                money(revenue, in.valuedConversions()),
                count(in.leads()),
                ratio(in.conversions(), BigDecimal.valueOf(in.touches())),
                money(revenue, in.leads()),
                ratio(BigDecimal.valueOf(in.matchedConversions()), BigDecimal.valueOf(in.conversionsWithMatchFlag())),
                ratio(BigDecimal.valueOf(in.attributedRevenueMinor()), revenue),
                ratio(BigDecimal.valueOf(in.pathTouches()), BigDecimal.valueOf(in.pathConversions())),
                hours(in.timeToConvertMedianHours()),
                hours(in.timeToConvertP90Hours()),
                ratio(in.offlineConversions(), in.conversions()));
    }

    /** {@code numerator / denominator} to {@link #SCALE} decimals (half-even, trailing zeros stripped); null for 0. */
    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return plain(numerator.divide(denominator, SCALE, RoundingMode.HALF_EVEN));
    }

    /** An amount in minor units per unit of {@code denominator}, rounded half-even to the minor unit; null for 0. */
    public static Long money(BigDecimal numeratorMinor, BigDecimal denominator) {
        if (numeratorMinor == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numeratorMinor.divide(denominator, 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /**
     * Fractional conversions are stored as the doubles the models produced, so three thirds may add up to
     * 0.9999999999999999; rounding to {@link #SCALE} decimals shows 1.
     */
    public static BigDecimal count(BigDecimal sum) {
        return sum == null ? BigDecimal.ZERO : plain(sum.setScale(SCALE, RoundingMode.HALF_EVEN));
    }

    static BigDecimal hours(Double hours) {
        return hours == null ? null : plain(BigDecimal.valueOf(hours).setScale(SCALE, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
