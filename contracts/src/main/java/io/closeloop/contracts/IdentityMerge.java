package io.closeloop.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Two persons became one ({@value #MERGE}), or an admin undid that ({@value #UNMERGE}). Downstream services re-key
 * the absorbed person's journey to the survivor, or move the listed events back.
 *
 * @param eventIds for an unmerge: the touch and conversion event ids that belong to the absorbed person again;
 *        empty for a merge (everything of the absorbed person moves)
 * @param reason the rule that linked them (e.g. {@code email}, {@code probabilistic}) or why they were split
 */
public record IdentityMerge(
        String tenant,
        UUID eventId,
        String type,
        UUID survivorPersonId,
        UUID absorbedPersonId,
        List<UUID> eventIds,
        String reason,
        Instant occurredAt) implements TenantScoped {

    public static final String MERGE = "merge";
    public static final String UNMERGE = "unmerge";
}
