package io.closeloop.ingest.domain;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * A keyed phonetic code of a name for blocking: Double Metaphone (commons-codec; "Jon" and "John" both
 * give JN) of the name without spaces, then an HMAC under the field's key, so the code itself never leaves
 * ingest. Names sounding alike meet in one block even when their spelling and their Bloom filters differ.
 */
public final class PhoneticKey {

    private static final DoubleMetaphone DOUBLE_METAPHONE = new DoubleMetaphone();

    private final byte[] fieldKey;

    public PhoneticKey(byte[] fieldKey) {
        this.fieldKey = fieldKey.clone();
    }

    /** The keyed code of a normalized name; {@code null} when the name has no code (no letters). */
    public String of(String normalizedName) {
        String code = DOUBLE_METAPHONE.doubleMetaphone(normalizedName.replace(" ", ""));
        return code == null || code.isEmpty() ? null : KeyedHash.token(fieldKey, code);
    }
}
