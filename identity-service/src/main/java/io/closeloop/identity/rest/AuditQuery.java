package io.closeloop.identity.rest;

import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import io.closeloop.identity.domain.AuditFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The checked query parameters of the audit endpoints. */
record AuditQuery(AuditFilter filter, int limit, long after) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /**
     * Reads the parameters, reporting every bad one at once. {@code from} and {@code to} take an instant
     * ({@code 2026-10-01T10:00:00Z}) or a UTC day; a day as {@code to} includes that whole day.
     *
     * @throws InvalidInputException naming each refused parameter
     */
    static AuditQuery parse(String personId, String purpose, String action, String from, String to, String limit,
                            String after) {
        List<FieldError> errors = new ArrayList<>();
        UUID person = uuid(personId, errors);
        Instant start = instant("from", from, false, errors);
        Instant end = instant("to", to, true, errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(FieldError.of("from", "must be before to"));
        }
        long pageSize = number("limit", limit, DEFAULT_LIMIT, errors);
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            errors.add(FieldError.of("limit", "must be between 1 and " + MAX_LIMIT));
        }
        long afterSeq = number("after", after, 0, errors);
        if (afterSeq < 0) {
            errors.add(FieldError.of("after", "must not be negative"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AuditQuery(new AuditFilter(person, blankToNull(purpose), blankToNull(action), start, end),
                (int) pageSize, afterSeq);
    }

    /** The filter alone, for the export (which has no paging). */
    static AuditFilter filter(String personId, String purpose, String action, String from, String to) {
        return parse(personId, purpose, action, from, to, null, null).filter();
    }

    private static UUID uuid(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("personId", "must be a person id (UUID)"));
            return null;
        }
    }

    private static Instant instant(String field, String value, boolean endOfDay, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).plusDays(endOfDay ? 1 : 0).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "must be an instant such as 2026-10-01T10:00:00Z or a day YYYY-MM-DD"));
            return null;
        }
    }

    private static long number(String field, String value, long absent, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, "must be a whole number"));
            return absent;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
