package io.closeloop.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A touch stitched to a person. Identifiers stay behind in identity; what attribution and reporting need
 * travels here.
 *
 * @param linkConfidence 1.0 for deterministic links; the lowest confidence on the path otherwise
 */
public record TouchpointResolved(
        String tenant,
        UUID eventId,
        UUID personId,
        double linkConfidence,
        ConsentSnapshot consent,
        String touchType,
        Instant occurredAt,
        String sourceZone,
        String channel,
        Utm utm,
        Map<String, String> clickIds,
        String landingPage,
        String referrer) implements TenantScoped {
}
