package io.closeloop.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A marketing touch as ingest accepted it. Clear emails and phones never appear: identifiers carry match
 * keys, and {@code exportHashes} the per-platform SHA-256 hashes (identity keeps them for exports).
 *
 * @param touchType ad_click, page_view, form, call, email_click, sms_click, qr_scan, promo, badge_scan
 * @param sourceZone the zone or offset the source reported the time in (e.g. {@code Europe/Berlin}, {@code +02:00})
 * @param channel the channel group ingest derived (e.g. paid_search, email, paid_social)
 * @param attributes type-specific details (schema 2): call duration and tracking number, promo code, event and
 *        booth of a badge scan, form name; never clear emails or phones
 * @param matchFeatures non-key fields for probabilistic matching: schema 2 entries (first_name, last_name,
 *        company, postcode as tenant HMACs; company_domain) and the schema 3 encoded sets of
 *        {@link MatchFeatureSet}
 */
public record TouchpointRaw(
        String tenant,
        UUID eventId,
        String touchType,
        Instant occurredAt,
        String sourceZone,
        Instant receivedAt,
        String channel,
        Utm utm,
        Map<String, String> clickIds,
        String landingPage,
        String referrer,
        List<IdentifierRef> identifiers,
        Map<String, String> exportHashes,
        Map<String, String> attributes,
        Map<String, String> matchFeatures) implements TenantScoped {

    /** Schema 1 shape: no attributes, no match features. */
    public TouchpointRaw(String tenant, UUID eventId, String touchType, Instant occurredAt, String sourceZone,
                         Instant receivedAt, String channel, Utm utm, Map<String, String> clickIds, String landingPage,
                         String referrer, List<IdentifierRef> identifiers, Map<String, String> exportHashes) {
        this(tenant, eventId, touchType, occurredAt, sourceZone, receivedAt, channel, utm, clickIds, landingPage,
                referrer, identifiers, exportHashes, null, null);
    }
}
