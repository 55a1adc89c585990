package io.closeloop.ingest.it;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Touchpoint CSV rows of about 1 KiB, made as they are read, until at least the given size: never held whole. */
final class GeneratedCsv extends InputStream {

    private static final String PAD = "x".repeat(900);
    private final long target;
    private byte[] current = "type,occurredAt,anonymousId,landingPage\n".getBytes(StandardCharsets.UTF_8);
    private int position;
    private long bytes;
    private long rows;

    GeneratedCsv(long target) {
        this.target = target;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position == current.length) {
            if (bytes >= target) {
                return -1;
            }
            rows++;
            current = ("page_view,2026-10-01T12:00:00Z,dev-" + rows + ",https://shop.example.com/landing?"
                    + "utm_source=newsletter&utm_medium=email&utm_campaign=autumn&pad=" + PAD + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        bytes += n;
        return n;
    }

    long rows() {
        return rows;
    }

    long bytes() {
        return bytes;
    }
}
