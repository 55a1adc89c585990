package io.closeloop.reporting.service;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RevenueRow(
        @Schema(description = "Channel group; 'unattributed' for conversions without an eligible touch")
        String channel,
        String campaign,
        @Schema(description = "ISO 4217; XXX for conversions without value")
        String currency,
        @Schema(description = "Credited revenue in minor units of the currency")
        long revenueMinor,
        @Schema(description = "Sum of fractional conversions credited")
        BigDecimal conversions,
        @Schema(description = "Conversions with a line in this row that a data-driven model's fallback credited"
                + " (its fit saw too few journeys, or there is no fit yet); 0 for rule-based models")
        long fallbackConversions) {

    public RevenueRow(String channel, String campaign, String currency, long revenueMinor, BigDecimal conversions) {
        this(channel, campaign, currency, revenueMinor, conversions, 0);
    }
}
