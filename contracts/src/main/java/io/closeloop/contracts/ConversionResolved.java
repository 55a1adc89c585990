package io.closeloop.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A conversion stitched to a person, with the export hashes reporting may use when consent allows.
 *
 * @param matched the person has at least one touchpoint
 * @param baseValue the value in the tenant's base currency (schema 2)
 * @param accountPersonIds persons of the other contacts a deal names, for account-based attribution (schema 2)
 * @param attributes type-specific details from ingest (schema 2)
 * @param change, sourceUpdatedAt, ingestSequence as on {@link ConversionRaw} (schema 3)
 */
public record ConversionResolved(
        String tenant,
        UUID eventId,
        UUID personId,
        double linkConfidence,
        ConsentSnapshot consent,
        boolean matched,
        String conversionId,
        String conversionType,
        String status,
        Instant occurredAt,
        String sourceZone,
        Money value,
        Map<String, String> exportHashes,
        Money baseValue,
        List<UUID> accountPersonIds,
        Map<String, String> attributes,
        String change,
        Instant sourceUpdatedAt,
        Long ingestSequence) implements TenantScoped {

    /** Schema 2 shape. */
    public ConversionResolved(String tenant, UUID eventId, UUID personId, double linkConfidence,
                              ConsentSnapshot consent, boolean matched, String conversionId, String conversionType,
                              String status, Instant occurredAt, String sourceZone, Money value,
                              Map<String, String> exportHashes, Money baseValue, List<UUID> accountPersonIds,
                              Map<String, String> attributes) {
        this(tenant, eventId, personId, linkConfidence, consent, matched, conversionId, conversionType, status,
                occurredAt, sourceZone, value, exportHashes, baseValue, accountPersonIds, attributes, null, null, null);
    }

    /** Schema 1 shape. */
    public ConversionResolved(String tenant, UUID eventId, UUID personId, double linkConfidence,
                              ConsentSnapshot consent, boolean matched, String conversionId, String conversionType,
                              String status, Instant occurredAt, String sourceZone, Money value,
                              Map<String, String> exportHashes) {
        this(tenant, eventId, personId, linkConfidence, consent, matched, conversionId, conversionType, status,
                occurredAt, sourceZone, value, exportHashes, null, null, null, null, null, null);
    }
}
