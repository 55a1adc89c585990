package io.closeloop.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person's identifier placed in the control or exposed arm of a campaign holdout.
 *
 * @param arm {@value #CONTROL} or {@value #EXPOSED}
 */
public record ExperimentAssignment(
        String tenant,
        UUID eventId,
        String experimentId,
        String campaign,
        String channel,
        String arm,
        Instant assignedAt,
        String sourceZone,
        Instant receivedAt,
        List<IdentifierRef> identifiers) implements TenantScoped {

    public static final String CONTROL = "control";
    public static final String EXPOSED = "exposed";
}
