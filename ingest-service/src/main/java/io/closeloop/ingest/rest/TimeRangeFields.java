package io.closeloop.ingest.rest;

import io.closeloop.common.FieldError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The {@code from}/{@code to} range of the admin operations over stored events (replay, reclassification): two
 * ISO-8601 date-times with offset, {@code from} before {@code to}. Errors are collected, not thrown, so a request
 * with several bad fields names them all.
 */
record TimeRangeFields(Instant from, Instant to) {

    static TimeRangeFields read(List<FieldError> errors, String from, String to) {
        Instant start = instant(errors, "from", from);
        Instant end = instant(errors, "to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(FieldError.of("to", "must be after from"));
        }
        return new TimeRangeFields(start, end);
    }

    private static Instant instant(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "is required"));
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "is not an ISO-8601 date-time with offset"));
            return null;
        }
    }
}
