package io.closeloop.ingest.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.ingest.service.config.ConversionTypeFields;
import io.closeloop.ingest.service.config.ConversionTypeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Conversion types: what the tenant counts; offline conversions must name one of them. */
@Path("/api/v1/conversion-types")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "SecurityScheme")
public class ConversionTypeResource {

    private final ConversionTypeService types;
    private final CurrentTenant tenant;

    public ConversionTypeResource(ConversionTypeService types, CurrentTenant tenant) {
        this.types = types;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "The tenant's conversion types")
    public List<ConversionTypeFields> list() {
        return types.list(tenant.id());
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One conversion type")
    public ConversionTypeFields get(@PathParam("name") String name) {
        return types.get(tenant.id(), name);
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a conversion type")
    public ConversionTypeFields put(@PathParam("name") String name, ConversionTypeFields fields) {
        return types.put(tenant.id(), name, ConfigBodies.required(fields));
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Remove a conversion type; later events naming it are refused")
    public void delete(@PathParam("name") String name) {
        types.delete(tenant.id(), name);
    }
}
