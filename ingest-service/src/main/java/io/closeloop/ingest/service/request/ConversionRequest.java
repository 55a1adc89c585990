package io.closeloop.ingest.service.request;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A conversion (online or offline). The tenant is taken from the access token, never from the body. */
@Schema(description = "A conversion: a sale, a won deal, a booked job; the same conversionId may come again")
public record ConversionRequest(
        @Schema(description = "Your id for this event; re-sending it is reported as a duplicate") UUID eventId,
        @Schema(required = true, examples = "order-1001") String conversionId,
        @Schema(required = true, examples = "purchase") String type,
        @Schema(enumeration = {"completed", "new", "qualified", "mql", "sql", "won", "lost", "cancelled"},
                defaultValue = "completed") String status,
        @Schema(required = true, examples = "2026-11-05T15:00:00+01:00") String occurredAt,
        String timeZone,
        @Schema(description = "Hashed on arrival; never stored or forwarded in clear") String email,
        @Schema(description = "Hashed on arrival (E.164, the tenant's phone region when no country code is given); "
                + "never stored or forwarded in clear", examples = "+4915123456789") String phone,
        @Schema(description = ContactFields.PHONE_REGION, examples = "GB") String phoneRegion,
        @Schema(description = ContactFields.CHANGE, enumeration = {"value_changed", "refund"},
                examples = "refund") String change,
        @Schema(description = ContactFields.SOURCE_UPDATED_AT, examples = "2026-11-21T09:30:00Z")
        String sourceUpdatedAt,
        String anonymousId,
        String crmContactId,
        MoneyFields value,
        @Schema(examples = "crm") String sourceSystem) {
}
