package io.closeloop.ingest.rest;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The OIDC client that sent a request: the token's {@code azp} (authorized party), else its {@code client_id}. A
 * user's name is never used: the tenant's server-side consent basis is granted per integration, not per person.
 */
final class SourceClient {

    static final int MAX_LENGTH = 200;

    private SourceClient() {
    }

    /** The client id, or null when the token names none. */
    static String of(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        String azp = claim(token, "azp");
        return azp != null ? azp : claim(token, "client_id");
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        String text = value == null ? null : value.toString().trim();
        return text == null || text.isEmpty() || text.length() > MAX_LENGTH ? null : text;
    }
}
