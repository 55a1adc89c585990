package io.closeloop.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Identity's instruction to erase persons: their ids and every identifier they had (match keys, click ids,
 * device, CRM and caller ids) plus their export hashes, so that each service can find its rows.
 */
public record ErasureRequested(
        String tenant,
        UUID requestId,
        List<UUID> personIds,
        List<IdentifierRef> identifiers,
        List<String> exportHashes,
        Instant requestedAt) implements TenantScoped {
}
