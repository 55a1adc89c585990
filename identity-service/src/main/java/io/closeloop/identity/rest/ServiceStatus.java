package io.closeloop.identity.rest;

import java.time.Instant;

/** One service's part of an erasure: {@code confirmed} with when and how many rows, or {@code pending}. */
public record ServiceStatus(String service, String status, Instant confirmedAt, Long erasedRows) {

    static final String CONFIRMED = "confirmed";
    static final String PENDING = "pending";
}
