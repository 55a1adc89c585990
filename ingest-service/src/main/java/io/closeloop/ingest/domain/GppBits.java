package io.closeloop.ingest.domain;

/**
 * Reads a GPP segment bit by bit: each base64-websafe character carries six bits, most significant first
 * (GPP pads every segment with zero bits to a multiple of six and drops the {@code =} padding).
 */
final class GppBits {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final String text;
    private int position;

    GppBits(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty segment");
        }
        for (int i = 0; i < text.length(); i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                throw new IllegalArgumentException("not base64-websafe: '" + text.charAt(i) + "'");
            }
        }
        this.text = text;
    }

    int remaining() {
        return text.length() * 6 - position;
    }

    boolean bit() {
        if (remaining() <= 0) {
            throw new IllegalArgumentException("segment ends too early");
        }
        int sextet = ALPHABET.indexOf(text.charAt(position / 6));
        boolean set = (sextet >> (5 - position % 6) & 1) == 1;
        position++;
        return set;
    }

    int integer(int bits) {
        int value = 0;
        for (int i = 0; i < bits; i++) {
            value = value << 1 | (bit() ? 1 : 0);
        }
        return value;
    }

    /** A Fibonacci-coded integer: bit i adds F(i + 2) (1, 2, 3, 5, ...); two ones in a row end it. */
    int fibonacci() {
        int value = 0;
        int current = 1;
        int next = 2;
        boolean previous = false;
        for (int i = 0; i < 40; i++) {
            boolean set = bit();
            if (set && previous) {
                return value;
            }
            if (set) {
                value += current;
            }
            previous = set;
            int sum = current + next;
            current = next;
            next = sum;
        }
        throw new IllegalArgumentException("Fibonacci integer without end");
    }
}
