package io.closeloop.identity.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.InvalidInputException;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.identity.service.RetentionSettings;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The tenant's retention of person-level data, for its admin. */
@Path("/api/v1/compliance/retention")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "SecurityScheme")
public class RetentionResource {

    private final RetentionSettings settings;
    private final CurrentTenant tenant;
    private final SecurityIdentity identity;

    public RetentionResource(RetentionSettings settings, CurrentTenant tenant, SecurityIdentity identity) {
        this.settings = settings;
        this.tenant = tenant;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Days person-level data is kept after a person's last event")
    @APIResponse(responseCode = "200", description = "The setting (the default until changed)")
    @APIResponse(responseCode = "403", description = "The token lacks the admin role or a tenant")
    public Uni<RetentionView> get() {
        return settings.days(tenant.id()).map(RetentionView::new);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes the retention; the next purge applies it", description = "Audited.")
    @APIResponse(responseCode = "200", description = "The new setting")
    @APIResponse(responseCode = "400", description = "personDays is missing or out of range")
    @APIResponse(responseCode = "403", description = "The token lacks the admin role or a tenant")
    public Uni<RetentionView> put(RetentionView body) {
        if (body == null) {
            throw new InvalidInputException("personDays", "is required");
        }
        return settings.change(tenant.id(), body.personDays(), identity.getPrincipal().getName())
                .map(RetentionView::new);
    }
}
