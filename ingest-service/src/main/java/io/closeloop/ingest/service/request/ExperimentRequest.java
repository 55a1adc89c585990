package io.closeloop.ingest.service.request;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person placed in the control or exposed arm of a campaign holdout. */
@Schema(description = "A holdout assignment", example = """
        {"experimentId":"holdout-q4","campaign":"Retargeting Q4","channel":"paid_social","arm":"control",
         "occurredAt":"2026-10-01T00:00:00Z","email":"jane@example.com"}""")
public record ExperimentRequest(
        UUID eventId,
        @Schema(required = true) String experimentId,
        @Schema(required = true, description = "Normalized like utm_campaign") String campaign,
        @Schema(required = true) String channel,
        @Schema(required = true, enumeration = {"control", "exposed"}) String arm,
        @Schema(required = true, description = "When the person was assigned") String occurredAt,
        String timeZone,
        @Schema(description = "Hashed on arrival") String email,
        @Schema(description = "Hashed on arrival") String phone,
        @Schema(description = ContactFields.PHONE_REGION, examples = "GB") String phoneRegion,
        String anonymousId,
        String crmContactId) implements HasEventId {
}
