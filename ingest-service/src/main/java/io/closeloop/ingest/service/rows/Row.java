package io.closeloop.ingest.service.rows;

import io.closeloop.common.FieldError;
import java.util.List;

/**
 * One row read by a transport: its number (1-based: array element, NDJSON line or CSV data record) and
 * either the request or why it could not be read.
 */
public record Row<R>(long number, R request, List<FieldError> errors) {

    public static <R> Row<R> of(long number, R request) {
        return new Row<>(number, request, List.of());
    }

    public static <R> Row<R> unreadable(long number, FieldError error) {
        return new Row<>(number, null, List.of(error));
    }
}
