package io.closeloop.ingest.service.upload;

import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import io.closeloop.contracts.Json;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.UploadJob;
import io.closeloop.ingest.repository.UploadJobRepository;
import io.closeloop.ingest.service.StoreUnavailableException;
import io.closeloop.ingest.service.kinds.EventKind;
import io.closeloop.ingest.service.kinds.EventKinds;
import io.closeloop.ingest.service.upload.LimitedInputStream;
import io.closeloop.ingest.service.write.BatchProgress;
import io.closeloop.ingest.service.write.IngestService;
import io.closeloop.ingest.service.write.RowIds;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Large uploads as jobs: the body is spooled to a file (hashed on the way), answered 202, and read by a
 * worker chunk by chunk; the job row shows the progress. Rows without eventId get ids derived from the
 * upload's Idempotency-Key or the file's SHA-256, so sending the same file again reports duplicates.
 */
@ApplicationScoped
public class UploadJobService {

    private static final Logger LOG = Logger.getLogger(UploadJobService.class);

    private final IngestService ingest;
    private final EventKinds kinds;
    private final UploadJobRepository jobs;
    private final IngestConfig config;
    private final Path directory;
    private ExecutorService workers;

    public UploadJobService(IngestService ingest, EventKinds kinds, UploadJobRepository jobs, IngestConfig config) {
        this.ingest = ingest;
        this.kinds = kinds;
        this.jobs = jobs;
        this.config = config;
        this.directory = config.uploadDirectory()
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "closeloop-uploads"));
    }

    void start(@Observes StartupEvent event) throws IOException, SQLException {
        Files.createDirectories(directory);
        workers = Executors.newFixedThreadPool(config.uploadWorkers(), runnable -> {
            Thread thread = new Thread(runnable, "upload-job");
            thread.setDaemon(true);
            return thread;
        });
        // Ids are deterministic, so reading a file again from its start is safe: stored rows count as duplicates.
        for (UploadJob job : jobs.unfinished()) {
            if (Files.isRegularFile(spool(job.jobId()))) {
                workers.submit(() -> run(job));
            }
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (workers != null) {
            workers.shutdownNow();
            workers.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Spools the body and queues its job; the job's rows are read after this returns. */
    public UploadJob submit(String tenant, String sourceClient, String kindName, String type, InputStream body,
                            String idempotencyKey) throws IOException, SQLException {
        EventKind<?> kind = kinds.get(kindName);
        UUID jobId = UUID.randomUUID();
        Path file = spool(jobId);
        MessageDigest sha256 = sha256();
        long size;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
            size = body.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (size == 0) {
            Files.deleteIfExists(file);
            throw new InvalidInputException("$", "the upload is empty");
        }
        String basis = RowIds.forUpload(tenant, kind.name(), idempotencyKey,
                HexFormat.of().formatHex(sha256.digest())).basis();
        jobs.create(tenant, jobId, kind.name(), type, size, basis, sourceClient);
        UploadJob job = jobs.find(tenant, jobId).orElseThrow();
        workers.submit(() -> run(job));
        return job;
    }

    public Optional<UploadJob> find(String tenant, UUID jobId) throws SQLException {
        return jobs.find(tenant, jobId);
    }

    private void run(UploadJob job) {
        EventKind<?> kind = kinds.get(job.kind());
        BatchProgress progress = new BatchProgress(config.maxJobErrors());
        Path file = spool(job.jobId());
        try (LimitedInputStream in = new LimitedInputStream(Files.newInputStream(file), Long.MAX_VALUE)) {
            record(job, UploadJob.RUNNING, 0, progress);
            ingest.run(kind, job.tenant(), job.sourceClient(), job.contentType(), in,
                    new RowIds(job.tenant(), job.idBasis()), progress,
                    chunk -> record(job, UploadJob.RUNNING, in.count(), chunk));
            if (progress.unreadRest() == null) {
                record(job, UploadJob.COMPLETED, in.count(), progress);
            } else {
                // Rows after a parse break were never read: the job did not complete, whatever it stored.
                record(job, UploadJob.RUNNING, in.count(), progress);
                fail(job, "the read stopped at row " + progress.lastRow() + " (the last row read): "
                        + progress.unreadRest() + "; rows after it were not read and nothing of them was stored");
            }
            Files.deleteIfExists(file);
        } catch (InvalidInputException e) {
            fail(job, e.errors().stream().map(FieldError::reason).findFirst().orElse("unreadable"));
            delete(file);
        } catch (IOException | RuntimeException e) {
            // Unreadable file, or the database went away: the job stays failed; its stored rows stay stored.
            LOG.warnf(e, "upload job %s failed", job.jobId());
            fail(job, "the upload could not be read to its end: " + e.getMessage());
            delete(file);
        }
    }

    private void record(UploadJob job, String state, long bytesRead, BatchProgress progress) {
        var result = progress.result();
        try {
            jobs.progress(job.tenant(), job.jobId(), state, bytesRead, result.rows(), result.accepted(),
                    result.duplicate(), result.rejected(), Json.write(result.errors()));
        } catch (SQLException e) {
            throw new StoreUnavailableException("the job's progress could not be recorded", e);
        }
    }

    private void fail(UploadJob job, String failure) {
        try {
            jobs.fail(job.tenant(), job.jobId(), failure);
        } catch (SQLException e) {
            LOG.warnf(e, "upload job %s failed and could not be marked failed", job.jobId());
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf(e, "could not delete %s", file);
        }
    }

    private Path spool(UUID jobId) {
        return directory.resolve(jobId + ".upload");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
