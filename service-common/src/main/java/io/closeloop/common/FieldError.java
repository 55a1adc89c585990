package io.closeloop.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One reason an input was refused: the field (JSON path), the row for multi-row input, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, Long row, String reason) {

    public static FieldError of(String field, String reason) {
        return new FieldError(field, null, reason);
    }
}
