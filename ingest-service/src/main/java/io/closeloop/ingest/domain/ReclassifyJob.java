package io.closeloop.ingest.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A reclassification of a tenant's stored touches with {@code from <= occurredAt < to}. States: {@code queued},
 * {@code running}, {@code completed}, {@code failed}. Counts: touches in the range when it started, touches read,
 * touches whose channel, source or medium changed, and new versions queued for publishing.
 *
 * @param revision names the rules it applies; a touch's new version is published under an id derived from it
 */
public record ReclassifyJob(String tenant, UUID jobId, String state, Instant from, Instant to, String revision,
                            long touchesTotal, long touchesRead, long changed, long published, String failure,
                            Instant createdAt, Instant updatedAt) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
}
