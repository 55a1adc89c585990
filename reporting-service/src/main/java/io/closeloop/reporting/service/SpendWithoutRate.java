package io.closeloop.reporting.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Spend left out of the base-currency figures for want of a base amount")
public record SpendWithoutRate(String currency, long days,
                               @Schema(description = "Spend in minor units of this currency") long amountMinor) {
}
