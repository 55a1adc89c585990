package io.closeloop.attribution.rest;

import io.closeloop.attribution.domain.RestatementJob;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A restatement job and its progress. */
public record JobView(
        UUID jobId,
        @Schema(description = "What queued it: fit or settings")
        String kind,
        @Schema(description = "The model whose fit queued it; null for settings changes and the scheduled fit")
        String modelId,
        @Schema(description = "queued, running, completed or failed")
        String state,
        @Schema(description = "The tenant's conversions to restate (counted when the job starts)")
        long conversionsTotal,
        @Schema(description = "Conversions restated in committed batches")
        long conversionsDone,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String error) {

    static JobView of(RestatementJob job) {
        return new JobView(job.id, job.kind, job.modelId, job.state, job.conversionsTotal, job.conversionsDone,
                job.createdAt, job.startedAt, job.finishedAt, job.error);
    }

    static java.net.URI location(RestatementJob job) {
        return java.net.URI.create("/api/v1/attribution/jobs/" + job.id);
    }
}
