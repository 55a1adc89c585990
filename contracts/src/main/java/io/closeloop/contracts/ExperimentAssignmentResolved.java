package io.closeloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** An experiment assignment stitched to a person. */
public record ExperimentAssignmentResolved(
        String tenant,
        UUID eventId,
        UUID personId,
        double linkConfidence,
        String experimentId,
        String campaign,
        String channel,
        String arm,
        Instant assignedAt) implements TenantScoped {
}
