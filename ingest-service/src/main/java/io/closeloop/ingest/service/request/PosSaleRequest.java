package io.closeloop.ingest.service.request;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A point-of-sale sale (conversion; the order id is the conversion id). */
@Schema(description = "A sale at a till. `conversionType` must be one of the tenant's conversion types: the example's"
        + " `store_sale` is accepted once `PUT /api/v1/conversion-types/store_sale` created it", example = """
        {"orderId":"POS-2026-0001","conversionType":"store_sale","occurredAt":"2026-11-06T11:00:00",
         "timeZone":"Europe/Berlin","value":{"amountMinor":4999,"currency":"EUR"},"storeId":"berlin-1",
         "email":"jane@example.com"}""")
public record PosSaleRequest(
        UUID eventId,
        @Schema(required = true) String orderId,
        @Schema(required = true) String conversionType,
        @Schema(required = true) String occurredAt,
        String timeZone,
        @Schema(required = true) MoneyFields value,
        @Schema(enumeration = {"completed", "cancelled"}, defaultValue = "completed") String status,
        String storeId,
        String registerId,
        @Schema(description = "Hashed on arrival") String email,
        @Schema(description = "Hashed on arrival") String phone,
        @Schema(description = ContactFields.PHONE_REGION, examples = "GB") String phoneRegion,
        @Schema(description = ContactFields.CHANGE, enumeration = {"value_changed", "refund"},
                examples = "refund") String change,
        @Schema(description = ContactFields.SOURCE_UPDATED_AT, examples = "2026-11-21T09:30:00Z")
        String sourceUpdatedAt,
        @Schema(description = "Loyalty or CRM id") String crmContactId) implements HasEventId {
}
