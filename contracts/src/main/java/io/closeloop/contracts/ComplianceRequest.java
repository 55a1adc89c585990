package io.closeloop.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A data-subject request a compliance officer made through ingest, which hashed any email or phone it named.
 * Identity owns the request from here on.
 *
 * @param type {@value #ERASURE} or {@value #ACCESS}
 * @param requestedBy the officer's user id from the token (not a personal identifier of the subject)
 */
public record ComplianceRequest(
        String tenant,
        UUID requestId,
        String type,
        List<IdentifierRef> identifiers,
        Map<String, String> exportHashes,
        List<UUID> personIds,
        Instant requestedAt,
        String requestedBy) implements TenantScoped {

    public static final String ERASURE = "erasure";
    public static final String ACCESS = "access";
}
