package io.closeloop.ingest.service.write;

import io.closeloop.common.FieldError;
import java.util.List;

/**
 * The outcome of many rows: how many were read, stored and published ({@code accepted}), already known
 * ({@code duplicate}) or refused ({@code rejected}, each with its row, field and reason in {@code errors}, the
 * first ones only when {@code errorsTruncated}); {@code warnings} name what stored rows left out (an email or phone
 * that could not be read is dropped as an identifier, the row is kept), with row, field and reason.
 */
public record BatchResult(long rows, long accepted, long duplicate, long rejected, List<FieldError> errors,
                          boolean errorsTruncated, List<FieldError> warnings, boolean warningsTruncated) {
}
