package io.closeloop.ingest.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * When an event happened, as a UTC instant plus the zone the source spoke in. A time with an offset keeps
 * that offset as its zone; a local time is read in the given zone (the request's or the tenant's).
 */
public record EventTime(Instant instant, String sourceZone) {

    public static EventTime parse(String text, ZoneId zone) {
        try {
            OffsetDateTime withOffset = OffsetDateTime.parse(text);
            return new EventTime(withOffset.toInstant(), withOffset.getOffset().getId().equals("Z")
                    ? "UTC" : withOffset.getOffset().getId());
        } catch (DateTimeParseException notOffset) {
            try {
                LocalDateTime local = LocalDateTime.parse(text);
                return new EventTime(local.atZone(zone).toInstant(), zone.getId());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("not an ISO-8601 date-time", e);
            }
        }
    }
}
