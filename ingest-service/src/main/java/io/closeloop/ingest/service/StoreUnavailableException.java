package io.closeloop.ingest.service;

/** The database could not be reached or refused a write that is not the client's fault; answered 503. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
