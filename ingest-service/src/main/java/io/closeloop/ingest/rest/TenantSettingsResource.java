package io.closeloop.ingest.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.InvalidInputException;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.ingest.service.config.TenantSettingsFields;
import io.closeloop.ingest.service.config.TenantSettingsService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/api/v1/tenant/settings")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "SecurityScheme")
public class TenantSettingsResource {

    private final TenantSettingsService settings;
    private final CurrentTenant tenant;

    public TenantSettingsResource(TenantSettingsService settings, CurrentTenant tenant) {
        this.settings = settings;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "The tenant's time zone, base currency and phone region")
    public Uni<TenantSettingsFields> get() {
        return settings.get(tenant.id());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the tenant's settings; services learn of it on the tenants topic")
    public Uni<TenantSettingsFields> put(TenantSettingsFields fields) {
        if (fields == null) {
            throw new InvalidInputException("$", "a JSON body is required");
        }
        return settings.update(tenant.id(), fields);
    }
}
