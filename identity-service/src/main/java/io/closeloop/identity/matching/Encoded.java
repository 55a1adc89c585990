package io.closeloop.identity.matching;

import java.util.Base64;

/**
 * One encoded field value: a Bloom filter of its bigrams (from ingest's keyed encoding) compared by Dice,
 * and the encoding itself as a string, equal exactly when the normalized values are equal (it is also the
 * term whose frequency adjusts an exact match). A value sent as a plain HMAC (match features schema 2)
 * has no filter and compares only for equality.
 *
 * @param value the encoding as sent (base64 filter or hex HMAC)
 * @param bits  the filter's bits, {@code null} for an equality-only value
 */
public record Encoded(String value, long[] bits, int cardinality) {

    /** A base64 Bloom filter as ingest sends it. */
    public static Encoded bloom(String base64) {
        if (base64 == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
        long[] bits = new long[(bytes.length + 7) / 8];
        for (int i = 0; i < bytes.length; i++) {
            bits[i / 8] |= (bytes[i] & 0xffL) << (8 * (i % 8));
        }
        int cardinality = 0;
        for (long word : bits) {
            cardinality += Long.bitCount(word);
        }
        return cardinality == 0 ? null : new Encoded(base64, bits, cardinality);
    }

    /** A value compared only for equality. */
    public static Encoded exactOnly(String value) {
        return value == null ? null : new Encoded(value, null, 0);
    }

    /**
     * Whether the two encode the same value; filters of different cardinality answer without comparing the
     * strings, which is most pairs a matcher compares.
     */
    public boolean sameAs(Encoded other) {
        if (bits != null && other.bits != null && cardinality != other.cardinality) {
            return false;
        }
        return value.equals(other.value);
    }

    /** Dice coefficient of the two filters: 1 for equal values, 0 when either has no filter and they differ. */
    public double dice(Encoded other) {
        if (bits == null || other.bits == null || bits.length != other.bits.length) {
            return value.equals(other.value) ? 1 : 0;
        }
        int both = 0;
        for (int w = 0; w < bits.length; w++) {
            both += Long.bitCount(bits[w] & other.bits[w]);
        }
        // Equal values have equal filters, so only a pair whose filters are equal can be an equal value.
        if (both == cardinality && both == other.cardinality && value.equals(other.value)) {
            return 1;
        }
        return 2.0 * both / (cardinality + other.cardinality);
    }

    /** Equal encodings, whatever their filters (see {@link #sameAs} for the fast path). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Encoded e && e.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
