package io.closeloop.common;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The tenant of the current request. It comes only from the access token's {@code tenant} claim. */
@RequestScoped
public class CurrentTenant {

    public static final String CLAIM = "tenant";
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final SecurityIdentity identity;

    public CurrentTenant(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String id() {
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(CLAIM) : null;
        String tenant = claim == null ? null : claim.toString();
        if (tenant == null || !VALID.matcher(tenant).matches()) {
            throw new ForbiddenException("the access token carries no valid tenant claim");
        }
        return tenant;
    }
}
