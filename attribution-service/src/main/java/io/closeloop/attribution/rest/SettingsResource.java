package io.closeloop.attribution.rest;

import io.closeloop.attribution.service.ModelSettings;
import io.closeloop.attribution.service.SettingsService;
import io.closeloop.common.CurrentTenant;
import io.closeloop.common.InvalidInputException;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
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
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/api/v1/attribution/settings")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "SecurityScheme")
public class SettingsResource {

    private final SettingsService settings;
    private final CurrentTenant tenant;

    public SettingsResource(SettingsService settings, CurrentTenant tenant) {
        this.settings = settings;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "The tenant's model options with defaults filled in, and their model-config version")
    public Uni<ModelSettings> get() {
        return settings.get(tenant.id());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the model options (absent fields take defaults); raises the model-config version"
            + " and queues a job restating the tenant's conversions (202, Location names the job)")
    @APIResponse(responseCode = "202", description = "Stored; Location names the restatement job")
    public Uni<RestResponse<ModelSettings>> put(ModelSettings fields) {
        if (fields == null) {
            throw new InvalidInputException("$", "a JSON body is required");
        }
        return settings.put(tenant.id(), fields).map(change -> RestResponse.ResponseBuilder
                .create(RestResponse.Status.ACCEPTED, change.settings())
                .location(JobView.location(change.restatement())).build());
    }
}
