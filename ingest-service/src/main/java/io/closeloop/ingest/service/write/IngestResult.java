package io.closeloop.ingest.service.write;

import io.closeloop.common.FieldError;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of one event: {@code accepted} (stored, will be published) or {@code duplicate}; {@code warnings}
 * name what the event left out (an email or phone that could not be read is dropped as an identifier, the event is
 * kept), with field and reason.
 */
public record IngestResult(UUID eventId, String status, List<FieldError> warnings) {
    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
}
