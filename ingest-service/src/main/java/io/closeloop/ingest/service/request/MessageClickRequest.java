package io.closeloop.ingest.service.request;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A click in an email or SMS message (touchpoint types {@code email_click}, {@code sms_click}). */
@Schema(description = "A click in a message; the recipient (email address or phone number) is hashed on arrival",
        example = """
        {"occurredAt":"2026-11-03T08:30:00Z","campaign":"November Newsletter","messageId":"m-2026-11-a",
         "recipient":"jane@example.com","link":"https://example.com/sale","source":"newsletter"}""")
public record MessageClickRequest(
        UUID eventId,
        @Schema(required = true) String occurredAt,
        String timeZone,
        @Schema(required = true, description = "Normalized like utm_campaign") String campaign,
        @Schema(description = "The sending system's message id") String messageId,
        @Schema(required = true, description = "Email address (email clicks) or phone number (SMS clicks)")
        String recipient,
        @Schema(description = ContactFields.PHONE_REGION, examples = "GB") String phoneRegion,
        @Schema(description = "The URL clicked") String link,
        @Schema(description = "Default the sending system, e.g. newsletter") String source) implements HasEventId {
}
