package io.closeloop.ingest.rest;

import io.closeloop.ingest.service.write.BatchResult;
import io.closeloop.common.FieldError;
import java.util.List;

/**
 * The 413 of a batch that outgrew its limit while being read (RFC 7807 with extension members): every row up to
 * {@code settledThroughRow} is stored ({@code accepted}), known already ({@code duplicate}) or refused (listed in
 * {@code errors}); from {@code firstUnstoredRow} on nothing was stored, so exactly those rows are to be sent again.
 */
public record BatchTooLargeProblem(String type, String title, int status, String detail, List<FieldError> errors,
                                   long settledThroughRow, long firstUnstoredRow, long accepted, long duplicate) {

    static BatchTooLargeProblem of(long limit, BatchResult result, long settledThroughRow) {
        long next = settledThroughRow + 1;
        String detail = "the body is larger than " + limit + " bytes allowed here; rows 1 to " + settledThroughRow
                + " are settled (stored, duplicate or listed in errors), rows from " + next + " on were not stored:"
                + " send them again, or send large data as an upload job (POST /api/v1/{kind}/uploads)";
        List<FieldError> errors = new java.util.ArrayList<>(result.errors());
        errors.add(FieldError.of("$", "larger than " + limit + " bytes"));
        return new BatchTooLargeProblem("about:blank", "Content Too Large", 413, detail, List.copyOf(errors),
                settledThroughRow, next, result.accepted(), result.duplicate());
    }
}
