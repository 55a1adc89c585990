package io.closeloop.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A touch stitched to a person. Identifiers stay behind in identity; what attribution and reporting need
 * travels here.
 *
 * @param linkConfidence 1.0 for deterministic links; the lowest confidence on the path otherwise
 * @param attributes type-specific details from ingest (schema 2)
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
        String referrer,
        Map<String, String> attributes) implements TenantScoped {

    /** Schema 1 shape. */
    public TouchpointResolved(String tenant, UUID eventId, UUID personId, double linkConfidence,
                              ConsentSnapshot consent, String touchType, Instant occurredAt, String sourceZone,
                              String channel, Utm utm, Map<String, String> clickIds, String landingPage,
                              String referrer) {
        this(tenant, eventId, personId, linkConfidence, consent, touchType, occurredAt, sourceZone, channel, utm,
                clickIds, landingPage, referrer, null);
    }
}
