package io.closeloop.ingest.service.rows;

import io.closeloop.ingest.service.StrictUtf8;
import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import io.closeloop.ingest.service.upload.BodyTooLargeException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A header-mapped CSV (RFC 4180, UTF-8, optional BOM), read record by record with commons-csv. The row
 * number is the data record's number (the header is row 0). A record with more or fewer cells than the
 * header is a rejected row; malformed CSV, invalid UTF-8 or an overlong line ends the read there (and
 * {@link #unreadRest()} says why).
 */
final class CsvRows<R> implements RowSource<R> {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Function<Map<String, String>, R> rowReader;
    private final int headerSize;
    private final int maxLineChars;
    private long number;
    private boolean done;
    private String unreadRest;

    /** @throws InvalidInputException when the header cannot be read */
    CsvRows(Function<Map<String, String>, R> rowReader, InputStream in, int maxLineChars) throws IOException {
        this.rowReader = rowReader;
        this.maxLineChars = maxLineChars;
        try {
            this.parser = CSVParser.builder().setFormat(FORMAT)
                    .setReader(new LineLimit(withoutBom(new InputStreamReader(in, StandardCharsets.UTF_8)),
                            maxLineChars)).get();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw new InvalidInputException("$", "the CSV header cannot be read: " + reason(e));
        }
        List<String> header = parser.getHeaderNames();
        if (header.isEmpty()) {
            parser.close();
            throw new InvalidInputException("$", "a CSV header naming the fields is required");
        }
        this.headerSize = header.size();
        this.records = parser.iterator();
    }

    @Override
    public Row<R> next() {
        if (done) {
            return null;
        }
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                done = true;
                return null;
            }
            record = records.next();
        } catch (BodyTooLargeException e) {
            throw e;
        } catch (RuntimeException e) {
            done = true;
            unreadRest = "malformed CSV (" + reason(e) + ")";
            return Row.unreadable(++number, FieldError.of("$", unreadRest + "; rows from here on were not read"));
        }
        number++;
        if (record.size() != headerSize) {
            return Row.unreadable(number, FieldError.of("$", "has " + record.size() + " cells; the header has "
                    + headerSize));
        }
        try {
            return Row.of(number, rowReader.apply(record.toMap()));
        } catch (InvalidInputException e) {
            return new Row<>(number, null, e.errors());
        }
    }

    @Override
    public String unreadRest() {
        return unreadRest;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LineTooLongException) {
                return "a line is longer than " + maxLineChars + " characters";
            }
            if (cause instanceof StrictUtf8.InvalidUtf8Exception) {
                return cause.getMessage();
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Reader withoutBom(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static final class LineTooLongException extends IOException {
    }

    /** Fails the read when a line grows beyond the bound, so that one broken quote cannot fill the heap. */
    private static final class LineLimit extends FilterReader {

        private final int max;
        private int current;

        LineLimit(Reader in, int max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                count(buffer[i]);
            }
            return n;
        }

        private void count(int c) throws LineTooLongException {
            if (c == '\n') {
                current = 0;
            } else if (c != -1 && ++current > max) {
                throw new LineTooLongException();
            }
        }
    }
}
