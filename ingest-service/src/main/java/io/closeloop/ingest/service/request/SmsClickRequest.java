package io.closeloop.ingest.service.request;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A click in an SMS message (touchpoint type {@code sms_click}); the recipient is a phone number. */
@Schema(description = "A click in an SMS; the recipient's phone number is hashed on arrival", example = """
        {"occurredAt":"2026-11-03T08:30:00Z","campaign":"November Sale","messageId":"sms-2026-11-a",
         "recipient":"+1 650-253-0000","phoneRegion":"US","link":"https://example.com/sale","source":"sms_platform"}""")
public record SmsClickRequest(
        UUID eventId,
        @Schema(required = true) String occurredAt,
        String timeZone,
        @Schema(required = true, description = "Normalized like utm_campaign") String campaign,
        @Schema(description = "The sending system's message id") String messageId,
        @Schema(required = true, description = "Phone number; read in phoneRegion when it has no country code")
        String recipient,
        @Schema(description = ContactFields.PHONE_REGION, examples = "US") String phoneRegion,
        @Schema(description = "The URL clicked") String link,
        @Schema(description = "Default the sending system") String source) implements MessageClick {
}
