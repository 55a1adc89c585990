package io.closeloop.ingest.service.write;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.closeloop.common.FieldError;
import java.util.List;

/**
 * The outcome of many rows: how many were read, stored and published ({@code accepted}), already known
 * ({@code duplicate}) or refused ({@code rejected}, each with its row, field and reason in {@code errors}, the
 * first ones only when {@code errorsTruncated}); {@code warnings} name what stored rows left out (an email or phone
 * that could not be read is dropped as an identifier, the row is kept), with row, field and reason.
 * {@code lastRowRead} is the number of the last row read; {@code unreadRest}, when present, says why the read
 * ended there before the end of the body (rows after it were never read, nothing of them was stored).
 */
public record BatchResult(long rows, long accepted, long duplicate, long rejected, List<FieldError> errors,
                          boolean errorsTruncated, List<FieldError> warnings, boolean warningsTruncated,
                          long lastRowRead, @JsonInclude(JsonInclude.Include.NON_NULL) String unreadRest) {
}
