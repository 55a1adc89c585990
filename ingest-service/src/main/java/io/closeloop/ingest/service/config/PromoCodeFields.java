package io.closeloop.ingest.service.config;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A promo or QR code as an admin sets it; the code itself (any case) is the path. */
@Schema(description = "The campaign a promo or QR code stands for")
public record PromoCodeFields(
        @Schema(readOnly = true, description = "Lower case; matched case-insensitively", examples = "spring25")
        String code,
        @Schema(required = true, examples = "spring_sale") String campaign,
        @Schema(description = "Channel group; default qr_print for QR scans and offline for redemptions",
                examples = "qr_print") String channel,
        @Schema(examples = "flyer") String source,
        @Schema(examples = "print") String medium,
        @Schema(description = "First day the code is valid (inclusive, tenant time zone)", examples = "2026-03-01")
        String validFrom,
        @Schema(description = "Last day the code is valid (inclusive)", examples = "2026-05-31") String validTo) {
}
