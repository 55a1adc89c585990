package io.closeloop.reporting.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.reporting.service.AttributedRevenueReport;
import io.closeloop.reporting.service.ReportService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import io.closeloop.reporting.metrics.Grain;
import io.closeloop.reporting.service.DataQualityReport;
import io.closeloop.reporting.service.FunnelReport;
import io.closeloop.reporting.service.MetricReport;
import io.closeloop.reporting.service.MetricReportService;
import io.closeloop.reporting.service.ModelComparison;
import io.closeloop.reporting.service.ViewRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/api/v1/reports")
@Produces({MediaType.APPLICATION_JSON, ReportCsv.MEDIA_TYPE, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ANALYST)
@SecurityRequirement(name = "SecurityScheme")
public class ReportResource {

    private final ReportService reports;
    private final MetricReportService metrics;
    private final CurrentTenant tenant;

    public ReportResource(ReportService reports, MetricReportService metrics, CurrentTenant tenant) {
        this.reports = reports;
        this.metrics = metrics;
        this.tenant = tenant;
    }

    /** Dates arrive as text so that a bad one is answered with the parameter's name, not a bare 404. */
    @GET
    @Path("/attributed-revenue")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
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

    @GET
    @Path("/channels")
    @Operation(summary = "Metrics per channel",
            description = "Revenue, spend, ROI, ROAS, CPA and the other metrics of docs/architecture.md (Report metrics)"
                    + " per channel, in the tenant's base currency, under one model. JSON or CSV.")
    @APIResponse(responseCode = "200", description = "The view; empty rows when nothing falls in the range",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MetricReport.class)),
                    @Content(mediaType = ReportCsv.MEDIA_TYPE)})
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid; named in errors[].field")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the analyst role or a tenant")
    public Uni<Response> channels(@BeanParam ReportParams params) {
        ViewRequest request = metrics.request(params.with(null), null);
        return metrics.channels(tenant.id(), request).map(r -> metric(request, r));
    }

    @GET
    @Path("/campaigns")
    @Operation(summary = "Metrics per campaign (with its channel)",
            description = "As /channels, one row per channel and campaign.")
    @APIResponse(responseCode = "200", description = "The view; empty rows when nothing falls in the range",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MetricReport.class)),
                    @Content(mediaType = ReportCsv.MEDIA_TYPE)})
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid; named in errors[].field")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the analyst role or a tenant")
    public Uni<Response> campaigns(@BeanParam ReportParams params) {
        ViewRequest request = metrics.request(params.with(null), null);
        return metrics.campaigns(tenant.id(), request).map(r -> metric(request, r));
    }

    @GET
    @Path("/over-time")
    @Operation(summary = "Metrics per day, ISO week, month or quarter",
            description = "Periods in the tenant's time zone; every period of the range once any has data.")
    @APIResponse(responseCode = "200", description = "The view; empty rows when nothing falls in the range",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MetricReport.class)),
                    @Content(mediaType = ReportCsv.MEDIA_TYPE)})
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid; named in errors[].field")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the analyst role or a tenant")
    public Uni<Response> overTime(@BeanParam ReportParams params,
                                  @Parameter(description = "day (default), week, month or quarter")
                                  @QueryParam("grain") String grain) {
        ViewRequest request = metrics.request(params.with(grain), Grain.DAY);
        return metrics.overTime(tenant.id(), request).map(r -> metric(request, r));
    }

    @GET
    @Path("/year-over-year")
    @Operation(summary = "Metrics per period beside the same period a year earlier",
            description = "Each row carries `previous`: the same month, quarter, day or ISO week a year earlier.")
    @APIResponse(responseCode = "200", description = "The view; empty rows when neither year has data",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MetricReport.class)),
                    @Content(mediaType = ReportCsv.MEDIA_TYPE)})
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid; named in errors[].field")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the analyst role or a tenant")
    public Uni<Response> yearOverYear(@BeanParam ReportParams params,
                                      @Parameter(description = "month (default), quarter, week or day")
                                      @QueryParam("grain") String grain) {
        ViewRequest request = metrics.request(params.with(grain), Grain.MONTH);
        return metrics.yearOverYear(tenant.id(), request).map(r -> metric(request, r));
    }

    @GET
    @Path("/model-comparison")
    @Operation(summary = "Each channel's revenue and conversions under every model, side by side")
    @APIResponse(responseCode = "200", description = "The view",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ModelComparison.class)),
                    @Content(mediaType = ReportCsv.MEDIA_TYPE)})
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid; named in errors[].field")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the analyst role or a tenant")
    public Uni<Response> modelComparison(@BeanParam ReportParams params) {
        ViewRequest request = metrics.request(params.with(null), null);
        return metrics.modelComparison(tenant.id(), request)
                .map(r -> request.csv() ? ReportCsv.modelComparison(r) : json(r));
    }

    @GET
    @Path("/funnel")
    @Operation(summary = "Lead funnel: conversions reaching each stage and stage-to-stage rates")
    @APIResponse(responseCode = "200", description = "The view",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FunnelReport.class)),
                    @Content(mediaType = ReportCsv.MEDIA_TYPE)})
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid; named in errors[].field")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the analyst role or a tenant")
    public Uni<Response> funnel(@BeanParam ReportParams params) {
        ViewRequest request = metrics.request(params.with(null), null);
        return metrics.funnel(tenant.id(), request).map(r -> request.csv() ? ReportCsv.funnel(r) : json(r));
    }

    @GET
    @Path("/data-quality")
    @Operation(summary = "Unmapped campaigns, unknown UTM values, direct or unassigned share, amounts without a rate,"
            + " consent-suppressed touches")
    @APIResponse(responseCode = "200", description = "The view",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DataQualityReport.class)),
                    @Content(mediaType = ReportCsv.MEDIA_TYPE)})
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid; named in errors[].field")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the analyst role or a tenant")
    public Uni<Response> dataQuality(@BeanParam ReportParams params) {
        ViewRequest request = metrics.request(params.with(null), null);
        return metrics.dataQuality(tenant.id(), request)
                .map(r -> request.csv() ? ReportCsv.dataQuality(r) : json(r));
    }

    private static Response metric(ViewRequest request, MetricReport report) {
        return request.csv() ? ReportCsv.metric(report) : json(report);
    }

    private static Response json(Object report) {
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
