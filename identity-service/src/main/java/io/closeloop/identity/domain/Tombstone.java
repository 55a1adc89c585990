package io.closeloop.identity.domain;

import io.closeloop.contracts.IdentifierKind;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tombstone of an erased identifier: HMAC-SHA-256 under a key derived per tenant from identity's own
 * secret, over {@code "<kind>:" + value}. The value is already a match key or a system id; hashing it once more
 * under a key that never leaves identity means the tombstone table alone cannot be joined to any other data.
 */
public final class Tombstone {

    private static final String HMAC = "HmacSHA256";

    private Tombstone() {
    }

    /** The tenant's key: HMAC(secret, "tombstone:" + tenant), so tenants never share a key. */
    public static byte[] tenantKey(String secret, String tenant) {
        return hmac(secret.getBytes(StandardCharsets.UTF_8), "tombstone:" + tenant);
    }

    public static String digest(byte[] tenantKey, IdentifierKind kind, String value) {
        return HexFormat.of().formatHex(hmac(tenantKey, kind.code() + ":" + value));
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
