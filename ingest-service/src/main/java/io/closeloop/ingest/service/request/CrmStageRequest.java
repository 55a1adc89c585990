package io.closeloop.ingest.service.request;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A CRM lead or deal reaching a stage (conversion; the deal id is the conversion id). */
@Schema(description = "A deal's stage change; value and currency are required on won. `conversionType` must be one of the"
        + " tenant's conversion types: the example's `deal` is accepted once `PUT /api/v1/conversion-types/deal` created it", example = """
        {"dealId":"D-7001","contactIds":["C-1","C-2"],"stage":"won","conversionType":"deal",
         "occurredAt":"2026-11-20T16:00:00Z","value":{"amountMinor":2500000,"currency":"USD"}}""")
public record CrmStageRequest(
        UUID eventId,
        @Schema(required = true) String dealId,
        @Schema(description = "The deal's contacts; the first is the primary one, all become account identifiers")
        List<String> contactIds,
        @Schema(required = true, enumeration = {"new", "qualified", "mql", "sql", "won", "lost"}) String stage,
        @Schema(required = true, description = "One of the tenant's conversion types") String conversionType,
        @Schema(required = true) String occurredAt,
        String timeZone,
        MoneyFields value,
        @Schema(description = "Hashed on arrival") String email,
        @Schema(description = "Hashed on arrival") String phone,
        @Schema(description = ContactFields.PHONE_REGION, examples = "GB") String phoneRegion,
        @Schema(description = ContactFields.CHANGE, enumeration = {"value_changed", "refund"},
                examples = "refund") String change,
        @Schema(description = ContactFields.SOURCE_UPDATED_AT, examples = "2026-11-21T09:30:00Z")
        String sourceUpdatedAt,
        String pipeline,
        @Schema(examples = "hubspot") String sourceSystem) implements HasEventId {
}
