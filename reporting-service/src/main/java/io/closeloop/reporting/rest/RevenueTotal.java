package io.closeloop.reporting.rest;

import java.math.BigDecimal;

public record RevenueTotal(String currency, long revenueMinor, BigDecimal conversions) {
}
