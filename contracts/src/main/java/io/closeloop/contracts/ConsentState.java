package io.closeloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's latest consent, one record per person on a compacted topic; attribution and reporting check it for
 * withdrawals and for export consent at export time.
 *
 * @param withdrawn measurement was withdrawn: the person's later events are not used
 */
public record ConsentState(
        String tenant,
        UUID personId,
        ConsentSnapshot consent,
        boolean withdrawn,
        Instant updatedAt) implements TenantScoped {
}
