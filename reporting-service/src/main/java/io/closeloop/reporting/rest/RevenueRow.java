package io.closeloop.reporting.rest;

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
        BigDecimal conversions) {
}
