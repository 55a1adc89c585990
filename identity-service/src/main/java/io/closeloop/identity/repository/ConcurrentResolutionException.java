package io.closeloop.identity.repository;

import io.closeloop.identity.domain.IdentifierKey;

/** Two events created a person for the same identifier at once; the loser retries. */
public class ConcurrentResolutionException extends RuntimeException {
    public ConcurrentResolutionException(String tenant, IdentifierKey key) {
        super("tenant " + tenant + ": identifier of kind " + key.kind().code() + " was claimed concurrently");
    }
}
