package io.closeloop.identity.domain;

import java.time.Instant;

/** One service's confirmation of an erasure. */
public record Confirmation(String service, Instant confirmedAt, long erasedRows) {
}
