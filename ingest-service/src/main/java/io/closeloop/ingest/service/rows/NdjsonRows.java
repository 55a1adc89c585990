package io.closeloop.ingest.service.rows;

import io.closeloop.ingest.service.StrictUtf8;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.closeloop.common.FieldError;
import io.closeloop.common.ProblemMappers;
import java.io.IOException;
import java.io.InputStream;

/**
 * Newline-delimited JSON: one event per line, the row number is the line number; blank lines are skipped. A line
 * longer than the bound, not UTF-8 or {@code null} is a rejected row and the read goes on with the next line.
 */
final class NdjsonRows<R> implements RowSource<R> {

    private final InputStream in;
    private final ObjectReader reader;
    private final LineReader lines;
    private final int maxLineBytes;
    private long number;

    NdjsonRows(ObjectReader reader, InputStream in, int maxLineBytes) {
        this.in = in;
        this.reader = reader;
        this.lines = new LineReader(in, maxLineBytes);
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public Row<R> next() throws IOException {
        while (lines.next()) {
            number++;
            if (lines.tooLong()) {
                return Row.unreadable(number, FieldError.of("$", "the line is longer than " + maxLineBytes + " bytes"));
            }
            if (lines.blank()) {
                continue;
            }
            int malformed = StrictUtf8.firstMalformed(lines.bytes(), lines.length());
            if (malformed >= 0) {
                return Row.unreadable(number, FieldError.of("$", "invalid UTF-8 at byte offset "
                        + (lines.lineStart() + malformed)));
            }
            try {
                R request = reader.readValue(lines.bytes(), 0, lines.length());
                return request == null ? Row.unreadable(number, FieldError.of("$", "must be a JSON object, not null"))
                        : Row.of(number, request);
            } catch (JsonProcessingException e) {
                return Row.unreadable(number, ProblemMappers.fieldError(e));
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
