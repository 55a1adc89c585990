package io.closeloop.ingest.service.upload;

/** A body beyond its route's limit; answered 413. Unchecked so that no parser swallows it. */
public class BodyTooLargeException extends RuntimeException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("the body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
