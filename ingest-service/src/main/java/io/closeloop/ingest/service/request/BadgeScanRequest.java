package io.closeloop.ingest.service.request;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event badge scanned at a booth (touchpoint type {@code badge_scan}). */
@Schema(description = "A badge scan at an event", example = """
        {"occurredAt":"2026-11-05T14:20:00+01:00","event":"Web Summit 2026","booth":"B-12",
         "attendeeId":"ws-88121","email":"jane@example.com","company":"Example GmbH"}""")
public record BadgeScanRequest(
        UUID eventId,
        @Schema(required = true) String occurredAt,
        String timeZone,
        @Schema(required = true, description = "The event's name; the touch's source") String event,
        String booth,
        @Schema(required = true, description = "The event system's attendee id; the badge identifier")
        String attendeeId,
        @Schema(description = "Hashed on arrival") String email,
        @Schema(description = "Hashed on arrival; a match feature") String company,
        @Schema(description = "Default the event's name") String campaign) implements HasEventId {
}
