package io.closeloop.ingest.service.request;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order taken by a call-center agent (conversion; the order id is the conversion id). */
@Schema(description = "An order taken on the phone. `conversionType` must be one of the tenant's conversion types: the"
        + " example's `phone_order` is accepted once `PUT /api/v1/conversion-types/phone_order` created it", example = """
        {"orderId":"CC-5511","conversionType":"phone_order","occurredAt":"2026-11-07T09:45:00-05:00",
         "value":{"amountMinor":18900,"currency":"USD"},"agentId":"agent-17","callerNumber":"+14155552671"}""")
public record CallCenterOrderRequest(
        UUID eventId,
        @Schema(required = true) String orderId,
        @Schema(required = true) String conversionType,
        @Schema(required = true) String occurredAt,
        String timeZone,
        @Schema(required = true) MoneyFields value,
        @Schema(enumeration = {"completed", "cancelled"}, defaultValue = "completed") String status,
        String agentId,
        @Schema(description = "A phone: hashed on arrival into a phone identifier; read in phoneRegion") String callerNumber,
        @Schema(description = ContactFields.PHONE_REGION, examples = "GB") String phoneRegion,
        @Schema(description = ContactFields.CHANGE, enumeration = {"value_changed", "refund"},
                examples = "refund") String change,
        @Schema(description = ContactFields.SOURCE_UPDATED_AT, examples = "2026-11-21T09:30:00Z")
        String sourceUpdatedAt,
        @Schema(description = "Hashed on arrival") String email,
        String crmContactId) implements HasEventId {
}
