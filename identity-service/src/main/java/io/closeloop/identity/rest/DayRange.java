package io.closeloop.identity.rest;

import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A range of whole UTC days, both ends included, from the {@code from} and {@code to} query parameters. */
record DayRange(LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 1000;

    static DayRange parse(String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = day("from", from, errors);
        LocalDate end = day("to", to, errors);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                errors.add(FieldError.of("to", "must not be before from"));
            } else if (start.plusDays(MAX_DAYS).isBefore(end)) {
                errors.add(FieldError.of("to", "must be at most " + MAX_DAYS + " days after from"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new DayRange(start, end);
    }

    Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the range. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate day(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(name, "is required (a day like 2026-10-01)"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(name, "is not a day like 2026-10-01"));
            return null;
        }
    }
}
