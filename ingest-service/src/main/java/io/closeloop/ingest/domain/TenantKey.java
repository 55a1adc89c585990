package io.closeloop.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A tenant secret with its id. The id is a keyed fingerprint of the secret (not the secret, not reversible),
 * so encodings made under different keys are told apart and never compared with each other.
 */
public final class TenantKey {

    private final String id;
    private final byte[] secret;

    public TenantKey(byte[] secret) {
        this.secret = secret.clone();
        this.id = HexFormat.of().formatHex(Arrays.copyOf(
                KeyedHash.hmac(this.secret, "closeloop key id".getBytes(StandardCharsets.UTF_8)), 4));
    }

    public String id() {
        return id;
    }

    /** A key for one purpose (e.g. the first name's Bloom filter), so fields never share hash functions. */
    public byte[] derive(String purpose) {
        return KeyedHash.hmac(secret, ("match-features:v3:" + purpose).getBytes(StandardCharsets.UTF_8));
    }
}
