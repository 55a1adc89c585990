package io.closeloop.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Something another service did that the audit chain must show (e.g. an ad-platform export). References person
 * ids and event ids only, never identifiers.
 *
 * @param action e.g. {@code export.sent}, {@code export.suppressed}
 * @param outcome e.g. {@code allowed}, {@code suppressed}
 */
public record AuditRecord(
        String tenant,
        UUID eventId,
        String service,
        String action,
        List<UUID> personIds,
        List<UUID> eventIds,
        String purpose,
        String outcome,
        Map<String, String> details,
        Instant occurredAt) implements TenantScoped {
}
