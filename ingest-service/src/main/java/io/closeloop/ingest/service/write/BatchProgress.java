package io.closeloop.ingest.service.write;

import io.closeloop.common.FieldError;
import io.closeloop.ingest.service.write.BatchResult;
import java.util.ArrayList;
import java.util.List;

/** Counts of a batch so far, and its first row errors. */
public final class BatchProgress {

    private final int maxErrors;
    private final List<FieldError> errors = new ArrayList<>();
    private final List<FieldError> warnings = new ArrayList<>();
    private long rows;
    private long accepted;
    private long duplicate;
    private long rejected;
    private boolean errorsTruncated;
    private boolean warningsTruncated;
    private long lastRow;
    private long settledThrough;
    private String unreadRest;

    public BatchProgress(int maxErrors) {
        this.maxErrors = maxErrors;
    }

    void read(long rowNumber) {
        rows++;
        lastRow = rowNumber;
    }

    /** Every row read so far is stored, a duplicate or rejected: nothing of them is pending any more. */
    void settled() {
        settledThrough = lastRow;
    }

    void unreadRest(String reason) {
        unreadRest = reason;
    }

    /** The last row whose outcome is final (counted in accepted, duplicate or rejected); 0 before any. */
    public long settledThrough() {
        return settledThrough;
    }

    public long lastRow() {
        return lastRow;
    }

    /** Why rows after {@link #lastRow()} were never read, or null. */
    public String unreadRest() {
        return unreadRest;
    }

    void accepted(long n) {
        accepted += n;
    }

    void duplicate(long n) {
        duplicate += n;
    }

    /** A refused row; its errors get the row number. */
    void rejected(long row, List<FieldError> rowErrors) {
        rejected++;
        for (FieldError error : rowErrors) {
            if (errors.size() < maxErrors) {
                errors.add(new FieldError(error.field(), row, error.reason()));
            } else {
                errorsTruncated = true;
            }
        }
    }

    /** What a stored row left out (an unusable email or phone); the warnings get the row number. */
    void warned(long row, List<FieldError> rowWarnings) {
        for (FieldError warning : rowWarnings) {
            if (warnings.size() < maxErrors) {
                warnings.add(new FieldError(warning.field(), row, warning.reason()));
            } else {
                warningsTruncated = true;
            }
        }
    }

    public long rows() {
        return rows;
    }

    public BatchResult result() {
        return new BatchResult(rows, accepted, duplicate, rejected, List.copyOf(errors), errorsTruncated,
                List.copyOf(warnings), warningsTruncated, lastRow, unreadRest);
    }
}
