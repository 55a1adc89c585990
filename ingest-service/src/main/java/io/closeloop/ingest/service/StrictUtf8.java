package io.closeloop.ingest.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Lets only well-formed UTF-8 through: the JDK's decoder with {@link CodingErrorAction#REPORT} refuses what a
 * lenient reader would turn into U+FFFD or, for an overlong form such as {@code C0 AF}, into another character.
 * Bytes pass unchanged up to the first malformed sequence; the read after them fails with its byte offset.
 */
public final class StrictUtf8 extends FilterInputStream {

    /** Malformed UTF-8 at a byte offset (0-based) of the body. Not a Jackson exception, so no parser wraps it. */
    public static final class InvalidUtf8Exception extends IOException {

        private final long offset;

        InvalidUtf8Exception(long offset) {
            super("invalid UTF-8 at byte offset " + offset);
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }
    }

    private final CharsetDecoder decoder = decoder();
    private final CharBuffer sink = CharBuffer.allocate(8 * 1024);
    /** The tail of a sequence split between two reads. */
    private final byte[] carry = new byte[8];
    private int carried;
    /** Offset of the first byte not yet checked (the carried bytes start there). */
    private long checked;
    private boolean ended;
    private InvalidUtf8Exception pending;

    public StrictUtf8(InputStream in) {
        super(in);
    }

    /** The offset of the first malformed byte of {@code bytes[0..length)}, or -1 when all of it is UTF-8. */
    public static int firstMalformed(byte[] bytes, int length) {
        CharsetDecoder decoder = decoder();
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(Math.min(Math.max(length, 16), 8 * 1024));
        while (true) {
            out.clear();
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                out.clear();
                return decoder.flush(out).isError() ? in.position() : -1;
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (pending != null) {
            throw pending;
        }
        int n = super.read(buffer, offset, length);
        long start = checked + carried;
        long bad = -1;
        if (n > 0) {
            bad = check(buffer, offset, n, false);
        } else if (n == -1 && !ended) {
            ended = true;
            bad = check(buffer, offset, 0, true);
        }
        if (bad >= 0) {
            // The bytes before the malformed sequence are handed on, so rows before it can still be read.
            int valid = (int) Math.min(Math.max(bad - start, 0), Math.max(n, 0));
            pending = new InvalidUtf8Exception(bad);
            if (valid == 0) {
                throw pending;
            }
            return valid;
        }
        return n;
    }

    /** Nothing is available past a malformed sequence, so that a reader hands on what it decoded before it. */
    @Override
    public int available() throws IOException {
        return pending != null ? 0 : super.available();
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] skipped = new byte[(int) Math.min(n, 8 * 1024)];
        int read = read(skipped, 0, skipped.length);
        return Math.max(read, 0);
    }

    /** Checks the next bytes; the offset of the first malformed one, or -1. */
    private long check(byte[] buffer, int offset, int length, boolean last) {
        ByteBuffer in;
        if (carried == 0) {
            in = ByteBuffer.wrap(buffer, offset, length).slice();
        } else {
            byte[] joined = new byte[carried + length];
            System.arraycopy(carry, 0, joined, 0, carried);
            System.arraycopy(buffer, offset, joined, carried, length);
            in = ByteBuffer.wrap(joined);
        }
        while (true) {
            sink.clear();
            CoderResult result = decoder.decode(in, sink, last);
            if (result.isError()) {
                return checked + in.position();
            }
            if (result.isUnderflow()) {
                break;
            }
        }
        if (last) {
            sink.clear();
            if (decoder.flush(sink).isError() || in.hasRemaining()) {
                return checked + in.position();
            }
        }
        checked += in.position();
        carried = in.remaining();
        in.get(carry, 0, carried);
        return -1;
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
