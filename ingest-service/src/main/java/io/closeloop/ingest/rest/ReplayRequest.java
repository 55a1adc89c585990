package io.closeloop.ingest.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which raw events to publish again: {@code from <= occurredAt < to}, optionally only some kinds. */
public record ReplayRequest(
        @Schema(required = true, examples = "2026-10-01T00:00:00Z") String from,
        @Schema(required = true, examples = "2026-11-01T00:00:00Z") String to,
        @Schema(description = "Raw-event kinds, e.g. touchpoint, conversion; all when absent") List<String> kinds) {
}
