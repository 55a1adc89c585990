package io.closeloop.reporting.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.reporting.service.AttributedRevenueReport;
import io.closeloop.reporting.service.ReportService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/api/v1/reports")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ANALYST)
@SecurityRequirement(name = "SecurityScheme")
public class ReportResource {

    private final ReportService reports;
    private final CurrentTenant tenant;

    public ReportResource(ReportService reports, CurrentTenant tenant) {
        this.reports = reports;
        this.tenant = tenant;
    }

    /** Dates arrive as text so that a bad one is answered with the parameter's name, not a bare 404. */
    @GET
    @Path("/attributed-revenue")
    @Operation(summary = "Revenue credited per channel and campaign",
            description = "Conversions whose time falls on the days from..to (inclusive) in the tenant's time zone,"
                    + " credited under one attribution model. Withdrawn conversions count for nothing.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid; named in errors[].field")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the analyst role or a tenant")
    public Uni<AttributedRevenueReport> attributedRevenue(
            @Parameter(description = "First day, YYYY-MM-DD", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "Last day (inclusive), YYYY-MM-DD; at most 366 days after from", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to,
            @Parameter(description = "Attribution model id; default last_touch")
            @QueryParam("model") String model) {
        return reports.attributedRevenue(tenant.id(), from, to, model);
    }
}
