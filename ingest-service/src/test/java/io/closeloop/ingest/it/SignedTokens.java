package io.closeloop.ingest.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * Bearer tokens for a packaged service started without Keycloak: an RSA key pair made per run, its public key
 * handed to the service ({@code quarkus.oidc.public-key}), tokens signed RS256 with the private key.
 */
final class SignedTokens {

    private final KeyPair keys;

    SignedTokens() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
    }

    String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    String token(String tenant, String role) throws GeneralSecurityException {
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
