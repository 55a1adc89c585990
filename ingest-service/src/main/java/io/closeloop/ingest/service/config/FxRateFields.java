package io.closeloop.ingest.service.config;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One FX rate: {@code rate} units of {@code to} per unit of {@code from}, valid from {@code date} on. */
@Schema(description = "An exchange rate; an event uses the latest rate dated on or before its day")
public record FxRateFields(
        @Schema(required = true, examples = "2026-10-01") String date,
        @Schema(required = true, description = "ISO 4217", examples = "USD") String from,
        @Schema(required = true, description = "ISO 4217; usually the tenant's base currency", examples = "EUR")
        String to,
        @Schema(required = true, description = "Decimal string, positive, up to 12 digits either side of the point",
                examples = "0.9215") String rate) {
}
