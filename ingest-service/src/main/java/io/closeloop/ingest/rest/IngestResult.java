package io.closeloop.ingest.rest;

import java.util.UUID;

/** The outcome of one event: {@code accepted} (stored, will be published) or {@code duplicate}. */
public record IngestResult(UUID eventId, String status) {
    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
}
