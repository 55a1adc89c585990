package io.closeloop.ingest.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.ingest.service.config.TrackingNumberFields;
import io.closeloop.ingest.service.config.TrackingNumberService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Call-tracking number pools: which campaign a call to a number stands for. */
@Path("/api/v1/tracking-numbers")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "SecurityScheme")
public class TrackingNumberResource {

    private final TrackingNumberService numbers;
    private final CurrentTenant tenant;

    public TrackingNumberResource(TrackingNumberService numbers, CurrentTenant tenant) {
        this.numbers = numbers;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "The tenant's tracking numbers, optionally of one pool")
    public List<TrackingNumberFields> list(@QueryParam("pool") String pool) {
        return numbers.list(tenant.id(), pool);
    }

    @GET
    @Path("/{number}")
    @Operation(summary = "Look a number up (E.164, or national in the tenant's phone region)")
    public TrackingNumberFields get(@PathParam("number") String number) {
        return numbers.get(tenant.id(), number);
    }

    @PUT
    @Path("/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a tracking number")
    public TrackingNumberFields put(@PathParam("number") String number, TrackingNumberFields fields) {
        return numbers.put(tenant.id(), number, ConfigBodies.required(fields));
    }

    @DELETE
    @Path("/{number}")
    @Operation(summary = "Remove a tracking number; later calls to it count as unknown")
    public void delete(@PathParam("number") String number) {
        numbers.delete(tenant.id(), number);
    }
}
