package io.closeloop.ingest.service.request;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A click in an email message (touchpoint type {@code email_click}); SMS clicks read {@link SmsClickRequest}. */
@Schema(description = "A click in an email; the recipient's address is hashed on arrival",
        example = """
        {"occurredAt":"2026-11-03T08:30:00Z","campaign":"November Newsletter","messageId":"m-2026-11-a",
         "recipient":"jane@example.com","link":"https://example.com/sale","source":"newsletter"}""")
public record MessageClickRequest(
        UUID eventId,
        @Schema(required = true) String occurredAt,
        String timeZone,
        @Schema(required = true, description = "Normalized like utm_campaign") String campaign,
        @Schema(description = "The sending system's message id") String messageId,
        @Schema(required = true, description = "Email address")
        String recipient,
        @Schema(description = ContactFields.PHONE_REGION, examples = "GB") String phoneRegion,
        @Schema(description = "The URL clicked") String link,
        @Schema(description = "Default the sending system, e.g. newsletter") String source) implements MessageClick {
}
