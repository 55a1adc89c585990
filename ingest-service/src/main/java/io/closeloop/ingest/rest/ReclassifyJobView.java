package io.closeloop.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.closeloop.ingest.domain.ReclassifyJob;
import java.time.Instant;
import java.util.UUID;

/**
 * A reclassification as its owner sees it: state, progress (share of the range's touches read), touches read,
 * changed (channel, source or medium differ under the current rules) and published (new versions queued).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReclassifyJobView(UUID jobId, String state, Instant from, Instant to, String revision,
                                double progress, long touchesTotal, long touchesRead, long changed, long published,
                                String failure, Instant createdAt, Instant updatedAt) {

    public static ReclassifyJobView of(ReclassifyJob job) {
        double progress = ReclassifyJob.COMPLETED.equals(job.state()) ? 1.0 : job.touchesTotal() == 0 ? 0.0
                : Math.min(1.0, (double) job.touchesRead() / job.touchesTotal());
        return new ReclassifyJobView(job.jobId(), job.state(), job.from(), job.to(), job.revision(),
                Math.floor(progress * 1000) / 1000, job.touchesTotal(), job.touchesRead(), job.changed(),
                job.published(), job.failure(), job.createdAt(), job.updatedAt());
    }
}
