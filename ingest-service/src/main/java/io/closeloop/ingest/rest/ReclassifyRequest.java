package io.closeloop.ingest.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which stored touches to reclassify: {@code from <= occurredAt < to}. */
public record ReclassifyRequest(
        @Schema(required = true, examples = "2026-01-01T00:00:00Z") String from,
        @Schema(required = true, examples = "2026-12-01T00:00:00Z") String to) {
}
