package io.closeloop.ingest.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.ingest.service.config.FxRateFields;
import io.closeloop.ingest.service.config.FxRateService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The FX-rate table values are converted to the tenant's base currency with. */
@Path("/api/v1/fx-rates")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "SecurityScheme")
public class FxRateResource {

    private final FxRateService rates;
    private final CurrentTenant tenant;

    public FxRateResource(FxRateService rates, CurrentTenant tenant) {
        this.rates = rates;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "The tenant's rates, optionally of one source and/or target currency")
    public List<FxRateFields> list(@QueryParam("from") String from, @QueryParam("to") String to) {
        return rates.list(tenant.id(), from, to);
    }

    @GET
    @Path("/lookup")
    @Operation(summary = "The rate an event of that day uses: the latest dated on or before it")
    public FxRateFields lookup(@QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("date") String date) {
        return rates.lookup(tenant.id(), from, to, date);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store many rates at once (a daily feed); all or none")
    public List<FxRateFields> putMany(List<FxRateFields> fields) {
        return rates.put(tenant.id(), ConfigBodies.required(fields));
    }

    @PUT
    @Path("/{date}/{from}/{to}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace the rate of a pair from a day on; the body carries only the rate")
    public FxRateFields put(@PathParam("date") String date, @PathParam("from") String from,
                            @PathParam("to") String to, FxRateFields fields) {
        FxRateFields body = ConfigBodies.required(fields);
        return rates.put(tenant.id(), List.of(new FxRateFields(date, from, to, body.rate()))).get(0);
    }

    @DELETE
    @Path("/{date}/{from}/{to}")
    @Operation(summary = "Remove a rate")
    public void delete(@PathParam("date") String date, @PathParam("from") String from, @PathParam("to") String to) {
        rates.delete(tenant.id(), date, from, to);
    }
}
