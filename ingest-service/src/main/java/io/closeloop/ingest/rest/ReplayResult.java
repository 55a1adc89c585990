package io.closeloop.ingest.rest;

import java.time.Instant;
import java.util.List;

/** How many raw events were queued for publishing again. */
public record ReplayResult(Instant from, Instant to, List<String> kinds, int queued) {
}
