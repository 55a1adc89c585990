package io.closeloop.ingest.service.write;

/**
 * A synchronous batch that grew beyond its limit while being read (a chunked body has no Content-Length to refuse
 * up front). Chunks before it may be stored already, so the answer names the last row whose outcome is final.
 */
public class BatchTooLargeException extends RuntimeException {

    private final long limit;
    private final transient BatchProgress progress;

    BatchTooLargeException(long limit, BatchProgress progress) {
        super("the body is larger than " + limit + " bytes");
        this.limit = limit;
        this.progress = progress;
    }

    public long limit() {
        return limit;
    }

    public BatchProgress progress() {
        return progress;
    }
}
