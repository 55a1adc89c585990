package io.closeloop.ingest.service.request;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A phone call to a tracking number (touchpoint type {@code call}); recordings are never accepted. */
@Schema(description = "A call: the tracking number says which campaign it came from", example = """
        {"occurredAt":"2026-11-02T10:00:00-08:00","trackingNumber":"+14155550100","callerNumber":"+14155552671",
         "durationSeconds":312,"answered":true,"callId":"c-981"}""")
public record CallRequest(
        UUID eventId,
        @Schema(required = true) String occurredAt,
        String timeZone,
        @Schema(required = true, description = "The number dialled; looked up in the tenant's tracking-number pools",
                examples = "+14155550100") String trackingNumber,
        @Schema(description = "ISO 3166 alpha-2 region the tracking number is read in when it has no country code "
                + "(default: the tenant's)") String trackingNumberRegion,
        @Schema(description = "A phone: hashed on arrival into a phone identifier, so it matches the person who gave "
                + "that phone elsewhere; read in phoneRegion", examples = "+14155552671")
        String callerNumber,
        @Schema(description = ContactFields.PHONE_REGION, examples = "GB") String phoneRegion,
        @Schema(description = "Seconds, 0 or more", examples = "312") Integer durationSeconds,
        Boolean answered,
        @Schema(description = "The call-tracking system's id") String callId,
        @Schema(description = "Hashed on arrival, when the caller was identified") String email,
        String crmContactId) implements HasEventId {
}
