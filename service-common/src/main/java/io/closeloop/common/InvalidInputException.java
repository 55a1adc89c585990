package io.closeloop.common;

import java.util.List;

/** Input that breaks a rule; answered with 400 and the fields at fault. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).reason());
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String reason) {
        this(List.of(FieldError.of(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
