package io.closeloop.ingest.service;

import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a request so that the client learns all of them at once. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String reason) {
        errors.add(FieldError.of(field, reason));
    }

    public String required(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        return value.trim();
    }

    public void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "is longer than " + max + " characters");
        }
    }

    /** The free-text rule of {@link StrictInput#textProblem} (length, control characters) on an optional field. */
    public void text(String field, String value) {
        String problem = value == null ? null : StrictInput.textProblem(value);
        if (problem != null) {
            add(field, problem);
        }
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
