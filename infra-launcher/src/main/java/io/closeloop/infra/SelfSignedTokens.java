package io.closeloop.infra;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * Bearer tokens for a packaged service started without Keycloak (a streaming test, a benchmark): an RSA key
 * pair made per run, its public key handed to the service ({@code quarkus.oidc.public-key}), tokens signed
 * RS256 with the private key.
 */
public final class SelfSignedTokens {

    private final KeyPair keys;

    public SelfSignedTokens() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
    }

    /** For {@code quarkus.oidc.public-key} (with {@code quarkus.oidc.auth-server-url} empty). */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** A token of one hour for a user with {@code role} in {@code tenant}. */
    public String token(String tenant, String role) throws GeneralSecurityException {
        long now = Instant.now().getEpochSecond();
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = encode(("{\"iss\":\"closeloop-test\",\"sub\":\"%s-%s\",\"iat\":%d,\"exp\":%d,"
                + "\"tenant\":\"%s\",\"realm_access\":{\"roles\":[\"%s\"]}}")
                .formatted(tenant, role, now, now + 3600, tenant, role));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
