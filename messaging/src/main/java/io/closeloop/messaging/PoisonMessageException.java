package io.closeloop.messaging;

/**
 * A record that can never be processed as it is (bad headers, unreadable JSON, a tenant mismatch, an
 * invalid value). It goes to the dead-letter topic at once instead of being retried.
 */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String reason) {
        super(reason);
    }

    public PoisonMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
