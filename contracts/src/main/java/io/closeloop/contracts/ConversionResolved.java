package io.closeloop.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A conversion stitched to a person, with the export hashes reporting may use when consent allows.
 *
 * @param matched the person has at least one touchpoint
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
        Map<String, String> exportHashes) implements TenantScoped {
}
