package io.closeloop.identity.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A data-subject request as identity keeps it. */
public record SubjectRequest(String tenant, UUID requestId, String type, String status, Instant requestedAt,
                             String requestedBy, List<UUID> personIds, Instant completedAt) {

    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETE = "complete";
}
