package io.closeloop.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An offline or online conversion as ingest accepted it. The same {@code conversionId} may come again
 * with a new value or status; the latest by {@code occurredAt} wins downstream.
 *
 * @param conversionType the tenant's conversion type (e.g. purchase, deal, booked_job)
 * @param status completed, or a lead stage (new, qualified, mql, sql, won, lost), or cancelled
 * @param value the value in the original currency; null for stages without value
 * @param baseValue the value in the tenant's base currency (schema 2; FX rounded half-even; equals
 *        {@code value} when the currencies agree; null without value or without a rate)
 * @param accountIdentifiers other CRM contacts a deal names, for account-based attribution (schema 2)
 * @param attributes type-specific details (schema 2): order id, store, agent, job type
 * @param matchFeatures as on {@link TouchpointRaw} (schema 2)
 */
public record ConversionRaw(
        String tenant,
        UUID eventId,
        String conversionId,
        String conversionType,
        String status,
        Instant occurredAt,
        String sourceZone,
        Instant receivedAt,
        Money value,
        String sourceSystem,
        List<IdentifierRef> identifiers,
        Map<String, String> exportHashes,
        Money baseValue,
        List<IdentifierRef> accountIdentifiers,
        Map<String, String> attributes,
        Map<String, String> matchFeatures) implements TenantScoped {

    /** Schema 1 shape. */
    public ConversionRaw(String tenant, UUID eventId, String conversionId, String conversionType, String status,
                         Instant occurredAt, String sourceZone, Instant receivedAt, Money value, String sourceSystem,
                         List<IdentifierRef> identifiers, Map<String, String> exportHashes) {
        this(tenant, eventId, conversionId, conversionType, status, occurredAt, sourceZone, receivedAt, value,
                sourceSystem, identifiers, exportHashes, null, null, null, null);
    }
}
