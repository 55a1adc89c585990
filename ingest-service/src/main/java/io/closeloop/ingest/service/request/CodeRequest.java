package io.closeloop.ingest.service.request;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A QR-code scan or a promo-code redemption (touchpoint types {@code qr_scan}, {@code promo}). */
@Schema(description = "A code used: looked up in the tenant's promo codes to find its campaign", example = """
        {"occurredAt":"2026-11-04T12:00:00+01:00","code":"SPRING25","email":"jane@example.com",
         "location":"store-berlin-1"}""")
public record CodeRequest(
        UUID eventId,
        @Schema(required = true) String occurredAt,
        String timeZone,
        @Schema(required = true, description = "Case-insensitive", examples = "SPRING25") String code,
        @Schema(description = "Hashed on arrival") String email,
        @Schema(description = "Hashed on arrival") String phone,
        @Schema(description = ContactFields.PHONE_REGION, examples = "GB") String phoneRegion,
        String anonymousId,
        String crmContactId,
        @Schema(description = "Where the code was scanned or redeemed (store, poster, ...)") String location,
        @Schema(description = "The order a redemption belongs to") String orderId) implements HasEventId {
}
