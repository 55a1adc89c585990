package io.closeloop.reporting.rest;

import io.closeloop.reporting.service.ViewRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters every metric view shares; they arrive as text so that a bad one is named in a 400. */
public class ReportParams {

    @Parameter(description = "First day, YYYY-MM-DD, in the tenant's time zone", required = true,
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("from")
    public String from;

    @Parameter(description = "Last day (inclusive), YYYY-MM-DD; at most 366 days after from", required = true,
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("to")
    public String to;

    @Parameter(description = "Attribution model id; default last_touch")
    @QueryParam("model")
    public String model;

    @Parameter(description = "Only this channel (exact)")
    @QueryParam("channel")
    public String channel;

    @Parameter(description = "Only this campaign (exact)")
    @QueryParam("campaign")
    public String campaign;

    @Parameter(description = "conversion (default: revenue lands on the conversion date) or touch",
            schema = @Schema(enumeration = {"conversion", "touch"}))
    @QueryParam("dateBasis")
    public String dateBasis;

    @Parameter(description = "json (default) or csv; Accept: text/csv chooses csv too",
            schema = @Schema(enumeration = {"json", "csv"}))
    @QueryParam("format")
    public String format;

    @Parameter(hidden = true)
    @HeaderParam(HttpHeaders.ACCEPT)
    public String accept;

    ViewRequest.Params with(String grain) {
        return new ViewRequest.Params(from, to, model, channel, campaign, dateBasis, grain, format, accept);
    }
}
