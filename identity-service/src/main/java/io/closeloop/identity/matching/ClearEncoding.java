package io.closeloop.identity.matching;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Records of clear values, for measuring what the encoding costs: each value becomes the exact set of its
 * padded bigrams (one bit per bigram in 1,024 bits, no keys), compared by the same Dice levels as the keyed
 * Bloom filters ingest sends. Production never holds clear values; the benchmark and tests do.
 */
public final class ClearEncoding {

    private static final int BITS = 1024;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ClearEncoding() {
    }

    /** The normalized value's bigram set; {@code null} for a missing value. */
    public static Encoded of(String value) {
        if (value == null) {
            return null;
        }
        String plain = MARKS.matcher(Normalizer.normalize(value, Normalizer.Form.NFD)).replaceAll("");
        String normal = NOT_LETTERS.matcher(plain.toLowerCase(Locale.ROOT).replace("'", "")).replaceAll(" ").trim();
        if (normal.isEmpty()) {
            return null;
        }
        String padded = "_" + normal + "_";
        long[] bits = new long[BITS / 64];
        for (int i = 0; i + 1 < padded.length(); i++) {
            int h = padded.substring(i, i + 2).hashCode() * 0x9E3779B1;
            int bit = (h >>> 20) & (BITS - 1);
            bits[bit / 64] |= 1L << (bit % 64);
        }
        int cardinality = 0;
        for (long word : bits) {
            cardinality += Long.bitCount(word);
        }
        return new Encoded(normal, bits, cardinality);
    }
}
