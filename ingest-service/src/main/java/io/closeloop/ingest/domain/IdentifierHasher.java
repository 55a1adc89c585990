package io.closeloop.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two hashes of a normalized identifier. The match key is an HMAC under the tenant's secret:
 * pseudonymous, different in every tenant and not reversible by enumerating addresses. Export hashes are
 * the plain SHA-256 the ad platforms ask for.
 */
public final class IdentifierHasher {

    private final byte[] tenantSecret;
    private final List<TenantKey> matchFeatureKeys;

    public IdentifierHasher(byte[] tenantSecret) {
        this(tenantSecret, null);
    }

    /**
     * @param previousSecret the secret before a rotation while its overlap window lasts, else {@code null}:
     *                       match features are then encoded under both keys, so identity can compare new
     *                       events with stored ones of either key (ingest keeps no clear names to re-encode)
     */
    public IdentifierHasher(byte[] tenantSecret, byte[] previousSecret) {
        this.tenantSecret = tenantSecret.clone();
        this.matchFeatureKeys = previousSecret == null ? List.of(new TenantKey(tenantSecret))
                : List.of(new TenantKey(tenantSecret), new TenantKey(previousSecret));
    }

    /** The keys match features are encoded under: the current one first. */
    public List<TenantKey> matchFeatureKeys() {
        return matchFeatureKeys;
    }

    /** HMAC-SHA-256 over {@code kind:value}, so equal values of different kinds never collide. */
    public String matchKey(String kind, String normalizedValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tenantSecret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((kind + ":" + normalizedValue).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
