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
 * @param change what this record changes of an earlier one with the same {@code conversionId} (schema 3):
 *        null for a whole version (stage, status and value as stated), {@link ConversionChange#VALUE_CHANGED}
 *        (the value is replaced, the conversion keeps its time), {@link ConversionChange#REFUND} ({@code value}
 *        is the refunded amount, positive; a refund of the whole value withdraws the conversion)
 * @param sourceUpdatedAt when the source system last updated the record, if it said (schema 3); orders
 *        versions of one conversion before {@code ingestSequence}
 * @param ingestSequence a per-tenant sequence ingest assigns when it stores the event (schema 3); orders
 *        versions that the source time does not
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
        Map<String, String> matchFeatures,
        String change,
        Instant sourceUpdatedAt,
        Long ingestSequence) implements TenantScoped {

    /** Schema 2 shape. */
    public ConversionRaw(String tenant, UUID eventId, String conversionId, String conversionType, String status,
                         Instant occurredAt, String sourceZone, Instant receivedAt, Money value, String sourceSystem,
                         List<IdentifierRef> identifiers, Map<String, String> exportHashes, Money baseValue,
                         List<IdentifierRef> accountIdentifiers, Map<String, String> attributes,
                         Map<String, String> matchFeatures) {
        this(tenant, eventId, conversionId, conversionType, status, occurredAt, sourceZone, receivedAt, value,
                sourceSystem, identifiers, exportHashes, baseValue, accountIdentifiers, attributes, matchFeatures,
                null, null, null);
    }

    /** Schema 1 shape. */
    public ConversionRaw(String tenant, UUID eventId, String conversionId, String conversionType, String status,
                         Instant occurredAt, String sourceZone, Instant receivedAt, Money value, String sourceSystem,
                         List<IdentifierRef> identifiers, Map<String, String> exportHashes) {
        this(tenant, eventId, conversionId, conversionType, status, occurredAt, sourceZone, receivedAt, value,
                sourceSystem, identifiers, exportHashes, null, null, null, null, null, null, null);
    }
}
