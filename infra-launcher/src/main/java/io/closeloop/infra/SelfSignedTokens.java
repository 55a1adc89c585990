package io.closeloop.infra;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Bearer tokens for a packaged service started without Keycloak (a streaming test, a benchmark): an RSA key
 * pair made per run, its public key handed to the service ({@code quarkus.oidc.public-key}), tokens signed
 * RS256 with the private key.
 */
public final class SelfSignedTokens {

    /** The issuer of every token signed here; a service may pin it ({@code quarkus.oidc.token.issuer}). */
    public static final String ISSUER = "closeloop-test";

    private final KeyPair keys;

    public SelfSignedTokens() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
    }

    private SelfSignedTokens(KeyPair keys) {
        this.keys = keys;
    }

    /**
     * One key pair per JVM and {@code name}, kept in system properties: a Quarkus test profile and the test
     * itself run in different class loaders, and both must see the same key.
     */
    public static synchronized SelfSignedTokens shared(String name) throws GeneralSecurityException {
        String privateProperty = "closeloop.test-tokens." + name + ".private";
        String publicProperty = "closeloop.test-tokens." + name + ".public";
        if (System.getProperty(privateProperty) == null) {
            SelfSignedTokens fresh = new SelfSignedTokens();
            System.setProperty(privateProperty,
                    Base64.getEncoder().encodeToString(fresh.keys.getPrivate().getEncoded()));
            System.setProperty(publicProperty, fresh.publicKey());
            return fresh;
        }
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        return new SelfSignedTokens(new KeyPair(
                rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(publicProperty)))),
                rsa.generatePrivate(new PKCS8EncodedKeySpec(
                        Base64.getDecoder().decode(System.getProperty(privateProperty))))));
    }

    /** For {@code quarkus.oidc.public-key} (with {@code quarkus.oidc.auth-server-url} empty). */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** A token of one hour for a user with {@code role} in {@code tenant}. */
    public String token(String tenant, String role) throws GeneralSecurityException {
        return token(ISSUER, tenant, role, Instant.now().plusSeconds(3600));
    }

    /** A token from {@code issuer} that expires at {@code expiresAt} (in the past for an expired one). */
    public String token(String issuer, String tenant, String role, Instant expiresAt) throws GeneralSecurityException {
        long exp = expiresAt.getEpochSecond();
        long iat = Math.min(Instant.now().getEpochSecond(), exp - 3600);
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = encode(("{\"iss\":\"%s\",\"sub\":\"%s-%s\",\"iat\":%d,\"exp\":%d,"
                + "\"tenant\":\"%s\",\"realm_access\":{\"roles\":[\"%s\"]}}")
                .formatted(issuer, tenant, role, iat, exp, tenant, role));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
