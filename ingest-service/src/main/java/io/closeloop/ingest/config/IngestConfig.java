package io.closeloop.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "closeloop.ingest")
public interface IngestConfig {

    /** Events dated further in the future than this are refused (clock skew allowance). */
    @WithDefault("5m")
    Duration futureTolerance();

    /** Largest body of a single event; larger ones are answered 413. */
    @WithDefault("1048576")
    long maxEventBytes();

    /** Largest body of a synchronous batch (JSON array, NDJSON, CSV); larger data goes to an upload job. */
    @WithDefault("67108864")
    long maxBatchBytes();

    /** Largest upload (job); must not exceed {@code quarkus.http.limits.max-body-size}. */
    @WithDefault("2147483648")
    long maxUploadBytes();

    /**
     * Longest row: NDJSON line, JSON array element or CSV line. A longer NDJSON line or array element is a rejected
     * row (the read goes on); a longer CSV line ends the read.
     */
    @WithDefault("65536")
    int maxRowBytes();

    /** Rows stored per transaction: one multi-row statement writes a chunk's raw events and outbox rows. */
    @WithDefault("1000")
    int chunkSize();

    /** Row errors listed in a batch response or an upload job; counts stay complete beyond it. */
    @WithDefault("1000")
    int maxErrors();

    /** Row errors kept with an upload job (its counts stay complete beyond it). */
    @WithDefault("100")
    int maxJobErrors();

    /** Upload jobs read at the same time per instance. */
    @WithDefault("2")
    int uploadWorkers();

    /** Where uploads are spooled until their job has read them; default a directory under java.io.tmpdir. */
    Optional<Path> uploadDirectory();
}
