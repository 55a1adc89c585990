package io.closeloop.ingest.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.ingest.service.config.PromoCodeFields;
import io.closeloop.ingest.service.config.PromoCodeService;
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

/** Promo and QR codes: the campaign each stands for (codes are case-insensitive). */
@Path("/api/v1/promo-codes")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "SecurityScheme")
public class PromoCodeResource {

    private final PromoCodeService codes;
    private final CurrentTenant tenant;

    public PromoCodeResource(PromoCodeService codes, CurrentTenant tenant) {
        this.codes = codes;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "The tenant's promo and QR codes")
    public List<PromoCodeFields> list() {
        return codes.list(tenant.id());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Look a code up (any case)")
    public PromoCodeFields get(@PathParam("code") String code) {
        return codes.get(tenant.id(), code);
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a code")
    public PromoCodeFields put(@PathParam("code") String code, PromoCodeFields fields) {
        return codes.put(tenant.id(), code, ConfigBodies.required(fields));
    }

    @DELETE
    @Path("/{code}")
    @Operation(summary = "Remove a code; later scans and redemptions of it count as unknown")
    public void delete(@PathParam("code") String code) {
        codes.delete(tenant.id(), code);
    }
}
