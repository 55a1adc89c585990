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

    public BatchProgress(int maxErrors) {
        this.maxErrors = maxErrors;
    }

    void read() {
        rows++;
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
                List.copyOf(warnings), warningsTruncated);
    }
}
