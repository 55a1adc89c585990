package io.closeloop.ingest.service.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record MoneyFields(
        @Schema(description = "Integer amount in the currency's minor unit (cents for EUR/USD)", examples = "125000")
        Long amountMinor,
        @Schema(description = "ISO 4217 code", examples = "EUR")
        String currency) {
}
