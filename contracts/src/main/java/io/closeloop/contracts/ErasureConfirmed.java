package io.closeloop.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One service's confirmation that it erased what an {@link ErasureRequested} named.
 *
 * @param service ingest, identity, attribution or reporting
 * @param erasedRows how many person-level rows the service deleted or anonymized
 */
public record ErasureConfirmed(
        String tenant,
        UUID requestId,
        String service,
        Instant confirmedAt,
        long erasedRows) implements TenantScoped {

    /**
     * The event id of a service's confirmation of a request: a name-based UUID of tenant, request and service,
     * so a redelivered or re-announced request is confirmed under the same id and consumers count it once.
     */
    public static UUID eventId(String tenant, UUID requestId, String service) {
        return UUID.nameUUIDFromBytes(("erasure.confirmed\n" + tenant + "\n" + requestId + "\n" + service)
                .getBytes(StandardCharsets.UTF_8));
    }
}
