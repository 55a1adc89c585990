package io.closeloop.identity.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.identity.service.MatchModels;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The tenant's probabilistic match model: the version linking uses, and fitting a new one on demand. */
@Path("/api/v1/identity/match-model")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "SecurityScheme")
public class MatchModelResource {

    private final MatchModels models;
    private final CurrentTenant tenant;

    public MatchModelResource(MatchModels models, CurrentTenant tenant) {
        this.models = models;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "The match model linking uses: the newest stored fit, or version 0 (the default model)")
    public Uni<MatchModelView> current() {
        return models.latest(tenant.id()).map(MatchModelView::of);
    }

    /** Fitting reads up to the configured number of stored records and runs EM: seconds, on a worker thread. */
    @POST
    @Path("/fits")
    @Blocking
    @Operation(summary = "Fit the tenant's match model from its stored records now; 201 with the stored version")
    @APIResponse(responseCode = "201", description = "Fitted and stored; every replica links with it from now on")
    @APIResponse(responseCode = "409", description = "Too few records with match features to fit")
    public Response fit() {
        MatchModels.FitOutcome outcome = models.fit(tenant.id(), Instant.now());
        if (outcome.stored() == null) {
            return Problem.response(Response.Status.CONFLICT, "no match model fitted: " + outcome.notFitted(),
                    List.of());
        }
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON)
                .entity(MatchModelView.of(outcome.stored())).build();
    }
}
