package io.closeloop.contracts;

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
}
