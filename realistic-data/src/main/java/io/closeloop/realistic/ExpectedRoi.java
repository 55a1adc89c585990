package io.closeloop.realistic;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Revenue, spend and ROI per channel in the tenant's base currency, from the ground truth alone: the figures the
 * channels report must show. Revenue is each credit converted at the latest rate on or before its conversion's UTC
 * day (exactly, unrounded), spend each day's amount at the latest rate on or before that day, half-even to minor
 * units (as a spend record is stored); ROI = (revenue - spend) / spend, null without spend.
 */
public final class ExpectedRoi {

    /** One channel's figures; money in minor units of the base currency (revenue may carry fractions). */
    public record ChannelRoi(String channel, BigDecimal revenueMinor, long spendMinor, Double roi) {
    }

    private ExpectedRoi() {
    }

    /** Every channel with revenue or spend, by name. */
    public static Map<String, ChannelRoi> of(Truth truth, ExpectedRevenue.Model model) {
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (ExpectedRevenue.Outcome o : ExpectedRevenue.of(truth, model).outcomes()) {
            if (!o.counts()) {
                continue;
            }
            BigDecimal rate = Objects.requireNonNull(ExpectedRevenue.rate(truth, o.currency(),
                    LocalDate.ofInstant(o.time(), ZoneOffset.UTC)), "no rate for " + o.currency());
            for (ExpectedRevenue.Credit c : o.credits()) {
                revenue.merge(c.channel(), rate.multiply(BigDecimal.valueOf(c.minor())), BigDecimal::add);
            }
        }
        Map<String, Long> spend = new TreeMap<>();
        for (Truth.Spend s : truth.spend()) {
            BigDecimal rate = Objects.requireNonNull(ExpectedRevenue.rate(truth, s.currency(), s.date()),
                    "no rate for " + s.currency() + " on " + s.date());
            long base = rate.multiply(BigDecimal.valueOf(s.amountMinor())).setScale(0, RoundingMode.HALF_EVEN)
                    .longValueExact();
            spend.merge(s.channel(), base, Long::sum);
        }
        Map<String, ChannelRoi> rows = new TreeMap<>();
        java.util.Set<String> channels = new java.util.TreeSet<>(revenue.keySet());
        channels.addAll(spend.keySet());
        for (String channel : channels) {
            BigDecimal r = revenue.getOrDefault(channel, BigDecimal.ZERO);
            long s = spend.getOrDefault(channel, 0L);
            Double roi = s == 0 ? null
                    : r.subtract(BigDecimal.valueOf(s)).divide(BigDecimal.valueOf(s), MathContext.DECIMAL64)
                            .doubleValue();
            rows.put(channel, new ChannelRoi(channel, r, s, roi));
        }
        return rows;
    }
}
