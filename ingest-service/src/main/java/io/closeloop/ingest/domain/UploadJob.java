package io.closeloop.ingest.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An upload read as a job. States: {@code queued} (spooled, waiting), {@code running}, {@code completed}
 * (every row read; some may be rejected), {@code failed} (the file could not be read to its end; {@code failure} says why and, when a parse break ended
 * the read, the last row read; the rows before it keep their counts and stay stored).
 *
 * @param idBasis what ids of rows without eventId derive from (the upload's key or file hash)
 * @param errors  the first row errors, as JSON
 * @param sourceClient the OIDC client that sent the upload (stamped on its events), or null
 */
public record UploadJob(String tenant, UUID jobId, String kind, String contentType, String state, long bytesTotal,
                        long bytesRead, long rowsRead, long accepted, long duplicate, long rejected, String errors,
                        String failure, String idBasis, Instant createdAt, Instant updatedAt,
                        String sourceClient) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
}
