package io.closeloop.reporting.repository;

import java.math.BigDecimal;

/** Credited revenue of one channel, campaign and currency over a period. */
public record RevenueGroup(String channel, String campaign, String currency, long revenueMinor,
                           BigDecimal conversions) {
}
