package io.closeloop.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import io.closeloop.common.FieldError;
import io.closeloop.contracts.Json;
import io.closeloop.ingest.domain.UploadJob;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An upload job as its owner sees it: state, progress (share of the file read), counts and first row errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadJobView(UUID jobId, String kind, String state, double progress, long bytesTotal,
                            long bytesRead, long rowsRead, long accepted, long duplicate, long rejected,
                            List<FieldError> errors, String failure, Instant createdAt, Instant updatedAt) {

    private static final TypeReference<List<FieldError>> ERRORS = new TypeReference<>() {
    };

    public static UploadJobView of(UploadJob job) {
        List<FieldError> errors;
        try {
            errors = Json.mapper().readValue(job.errors(), ERRORS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        double progress = UploadJob.COMPLETED.equals(job.state()) ? 1.0
                : job.bytesTotal() == 0 ? 0.0 : Math.min(1.0, (double) job.bytesRead() / job.bytesTotal());
        return new UploadJobView(job.jobId(), job.kind(), job.state(), Math.floor(progress * 1000) / 1000,
                job.bytesTotal(), job.bytesRead(), job.rowsRead(), job.accepted(), job.duplicate(), job.rejected(),
                errors, job.failure(), job.createdAt(), job.updatedAt());
    }
}
