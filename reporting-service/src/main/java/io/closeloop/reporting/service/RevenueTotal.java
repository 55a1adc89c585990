package io.closeloop.reporting.service;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RevenueTotal(String currency, long revenueMinor, BigDecimal conversions,
                           @Schema(description = "Conversions of this currency a fallback model credited")
                           long fallbackConversions) {

    public RevenueTotal(String currency, long revenueMinor, BigDecimal conversions) {
        this(currency, revenueMinor, conversions, 0);
    }
}
