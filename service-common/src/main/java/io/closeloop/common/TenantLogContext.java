package io.closeloop.common;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

/**
 * Names the request's tenant in the log context (MDC key {@code tenant}), so that every line a request writes can
 * be found per tenant; the trace and span ids are added by OpenTelemetry. Only the token's claim is used, never
 * anything from the body.
 */
@Provider
public class TenantLogContext implements ContainerRequestFilter {

    public static final String TENANT = "tenant";

    private final SecurityIdentity identity;

    public TenantLogContext(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!identity.isAnonymous()
                && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(CurrentTenant.CLAIM) != null) {
            MDC.put(TENANT, jwt.getClaim(CurrentTenant.CLAIM).toString());
        }
    }
}
