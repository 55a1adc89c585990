package io.closeloop.ingest.service.rows;

import java.io.Closeable;
import java.io.IOException;

/** Rows of one body or file, read one at a time so that no body is ever held whole. */
public interface RowSource<R> extends Closeable {

    /** The next row, or null at the end. A row that cannot be read comes back with its errors. */
    Row<R> next() throws IOException;

    /**
     * Why the read ended before the end of the body (broken JSON, malformed CSV, invalid UTF-8), so that rows after
     * it were never read; null when every row was read.
     */
    default String unreadRest() {
        return null;
    }
}
