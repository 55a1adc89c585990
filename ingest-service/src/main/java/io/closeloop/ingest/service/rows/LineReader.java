package io.closeloop.ingest.service.rows;

import java.io.IOException;
import java.io.InputStream;

/** Lines of bytes with a bound on their length; a longer line is skipped and reported, never held. */
final class LineReader {

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private final byte[] line;
    private int position;
    private int limit;
    private int length;
    private boolean tooLong;
    /** Body offset of {@code buffer[0]}, and of the current line's first byte. */
    private long base;
    private long lineStart;

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.line = new byte[maxLineBytes];
    }

    /** Reads the next line (without {@code \n} or {@code \r\n}); false at the end of the input. */
    boolean next() throws IOException {
        length = 0;
        tooLong = false;
        boolean any = false;
        lineStart = base + position;
        while (true) {
            if (position == limit) {
                base += limit;
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    trimCarriageReturn();
                    return any;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position - start);
            if (position < limit) {
                position++;
                trimCarriageReturn();
                return true;
            }
        }
    }

    private void append(int from, int count) {
        if (tooLong) {
            return;
        }
        if (length + count > line.length) {
            tooLong = true;
            return;
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }

    private void trimCarriageReturn() {
        if (!tooLong && length > 0 && line[length - 1] == '\r') {
            length--;
        }
    }

    /** The offset of the current line's first byte in the body. */
    long lineStart() {
        return lineStart;
    }

    boolean tooLong() {
        return tooLong;
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    boolean blank() {
        for (int i = 0; i < length; i++) {
            if (!Character.isWhitespace(line[i])) {
                return false;
            }
        }
        return !tooLong;
    }
}
