package io.closeloop.ingest.service.request;

import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lead-capture form submission (touchpoint type {@code form}). */
@Schema(description = "A form submission: the lead's contact details are hashed on arrival", example = """
        {"formName":"demo-request","occurredAt":"2026-11-02T09:15:00+01:00",
         "page":"https://example.com/demo?utm_source=google&utm_medium=cpc&utm_campaign=brand",
         "email":"jane@example.com","firstName":"Jane","lastName":"Doe","company":"Example GmbH","postcode":"10115",
         "anonymousId":"dev-42"}""")
public record FormRequest(
        @Schema(description = "Your id for this event; re-sending it is reported as a duplicate") UUID eventId,
        @Schema(required = true, examples = "2026-11-02T09:15:00+01:00") String occurredAt,
        @Schema(examples = "Europe/Berlin") String timeZone,
        @Schema(required = true, examples = "demo-request") String formName,
        @Schema(description = "The page the form was on; UTM and click ids are read from it when not sent")
        String page,
        String referrer,
        UtmFields utm,
        @Schema(description = "gclid, gbraid, wbraid, fbclid, msclkid, ttclid, li_fat_id") Map<String, String> clickIds,
        @Schema(description = "Device or cookie id") String anonymousId,
        @Schema(description = "Hashed on arrival") String email,
        @Schema(description = "Hashed on arrival (E.164)") String phone,
        @Schema(description = ContactFields.PHONE_REGION, examples = "GB") String phoneRegion,
        @Schema(description = "Hashed on arrival; a match feature") String firstName,
        @Schema(description = "Hashed on arrival; a match feature") String lastName,
        @Schema(description = "Hashed on arrival; a match feature") String company,
        @Schema(description = "Hashed on arrival; a match feature") String postcode) implements HasEventId {
}
