package io.closeloop.reporting.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Credited conversions left out of the base-currency figures for want of an FX rate")
public record WithoutRate(String currency, long conversions,
                          @Schema(description = "Credited amount in minor units of this currency") long amountMinor) {
}
