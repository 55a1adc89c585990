package io.closeloop.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA-256, the one keyed hash of the match features. */
final class KeyedHash {

    private KeyedHash() {
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The first 64 bits of the HMAC in hex: enough to tell values apart within a tenant, compact for keys. */
    static String token(byte[] key, String value) {
        return HexFormat.of().formatHex(Arrays.copyOf(hmac(key, value.getBytes(StandardCharsets.UTF_8)), 8));
    }
}
