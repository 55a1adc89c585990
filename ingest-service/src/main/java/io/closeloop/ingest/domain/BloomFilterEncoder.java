package io.closeloop.ingest.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.BitSet;

/**
 * A field-level Bloom filter of a normalized value's bigrams (Schnell, Bachteler, Reiher 2009): the value is
 * padded with {@code _} on both sides, each bigram is hashed by {@link #HASHES} keyed hash functions into
 * {@link #BITS} bits, and two filters are compared by the Dice coefficient of their set bits, which follows
 * the bigram similarity of the clear values. The hash functions are double hashing over one HMAC-SHA-256 of
 * the bigram under the field's own key (as clkhash does with two keyed hashes): position i is
 * (h1 + i·h2) mod BITS with h1, h2 the first two 64-bit words of the HMAC.
 *
 * <p>1,024 bits and 10 hash functions: a name of 6–10 letters has 7–11 bigrams, 70–110 set bits (7–11 %
 * filled), so two unrelated names share only a few bits by chance and the Dice of the filters stays close
 * to the bigram Dice; a 40-letter value still fills under a third of the filter.
 */
public final class BloomFilterEncoder {

    public static final int BITS = 1024;
    public static final int HASHES = 10;
    static final char PADDING = '_';

    private final byte[] fieldKey;

    public BloomFilterEncoder(byte[] fieldKey) {
        this.fieldKey = fieldKey.clone();
    }

    /** The filter of a normalized, non-empty value. */
    public BitSet encode(String value) {
        BitSet bits = new BitSet(BITS);
        String padded = PADDING + value + PADDING;
        int[] points = padded.codePoints().toArray();
        for (int i = 0; i + 1 < points.length; i++) {
            String bigram = new String(points, i, 2);
            ByteBuffer hash = ByteBuffer.wrap(KeyedHash.hmac(fieldKey, bigram.getBytes(StandardCharsets.UTF_8)));
            long h1 = hash.getLong();
            long h2 = hash.getLong();
            for (int k = 0; k < HASHES; k++) {
                bits.set((int) Math.floorMod(h1 + k * h2, (long) BITS));
            }
        }
        return bits;
    }

    /** Base64 of the filter's {@link #BITS} bits, bit 0 the lowest bit of the first byte. */
    public String encodeToBase64(String value) {
        return toBase64(encode(value));
    }

    public static String toBase64(BitSet bits) {
        byte[] bytes = new byte[BITS / 8];
        byte[] set = bits.toByteArray();
        System.arraycopy(set, 0, bytes, 0, set.length);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
