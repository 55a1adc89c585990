package io.closeloop.ingest.service.config;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The tenant's settings as an admin sees and sets them. */
public record TenantSettingsFields(
        @Schema(examples = "Europe/Berlin", description = "IANA zone report days are cut in") String timeZone,
        @Schema(examples = "EUR", description = "ISO 4217 code revenue is reported in") String baseCurrency,
        @Schema(examples = "DE", description = "ISO 3166 region for phones without country code") String phoneRegion) {
}
