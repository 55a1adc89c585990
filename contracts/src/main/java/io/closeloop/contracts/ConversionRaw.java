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
        Map<String, String> exportHashes) implements TenantScoped {
}
