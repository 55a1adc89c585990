package io.closeloop.ingest.service.request;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A booked job, e.g. a service appointment (conversion; the job id is the conversion id). */
@Schema(description = "A job booked by a customer. `conversionType` must be one of the tenant's conversion types:"
        + " the example's `booked_job` is accepted once `PUT /api/v1/conversion-types/booked_job` created it", example = """
        {"jobId":"J-3303","conversionType":"booked_job","occurredAt":"2026-11-08T15:30:00Z","jobType":"boiler_service",
         "scheduledFor":"2026-11-12","value":{"amountMinor":12000,"currency":"GBP"},"phone":"07911 123456","phoneRegion":"GB"}""")
public record BookedJobRequest(
        UUID eventId,
        @Schema(required = true) String jobId,
        @Schema(required = true) String conversionType,
        @Schema(required = true, description = "When the job was booked") String occurredAt,
        String timeZone,
        @Schema(description = "Required when the conversion type requires a value") MoneyFields value,
        @Schema(enumeration = {"completed", "cancelled"}, defaultValue = "completed") String status,
        String jobType,
        @Schema(description = "The day the job is scheduled for") String scheduledFor,
        @Schema(description = "Hashed on arrival") String email,
        @Schema(description = "Hashed on arrival") String phone,
        @Schema(description = ContactFields.PHONE_REGION, examples = "GB") String phoneRegion,
        @Schema(description = ContactFields.CHANGE, enumeration = {"value_changed", "refund"},
                examples = "refund") String change,
        @Schema(description = ContactFields.SOURCE_UPDATED_AT, examples = "2026-11-21T09:30:00Z")
        String sourceUpdatedAt,
        String crmContactId) implements HasEventId {
}
