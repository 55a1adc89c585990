package io.closeloop.identity.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.InvalidInputException;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.contracts.Json;
import io.closeloop.identity.domain.AuditFilter;
import io.closeloop.identity.domain.ChainVerification;
import io.closeloop.identity.service.AuditLog;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestMulti;

/** The tenant's audit log for the compliance role: query, export and verify. */
@Path("/api/v1/audit")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.COMPLIANCE)
@SecurityRequirement(name = "SecurityScheme")
public class AuditResource {

    static final String CSV = "text/csv";

    private final AuditLog audit;
    private final CurrentTenant tenant;

    public AuditResource(AuditLog audit, CurrentTenant tenant) {
        this.audit = audit;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "Audit entries in chain order",
            description = "Entries of the caller's tenant matching every given condition, oldest first. Pass the"
                    + " page's next value as after to read on.")
    @APIResponse(responseCode = "200", description = "One page of entries")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; named in errors[].field")
    @APIResponse(responseCode = "403", description = "The token lacks the compliance role or a tenant")
    public Uni<AuditPage> query(
            @Parameter(description = "Entries about this person, also as a related person (merges, exports)")
            @QueryParam("personId") String personId,
            @Parameter(description = "Consent purpose, e.g. measurement") @QueryParam("purpose") String purpose,
            @Parameter(description = "Action, e.g. consent_decision") @QueryParam("action") String action,
            @Parameter(description = "Occurred at or after: an instant or a UTC day") @QueryParam("from") String from,
            @Parameter(description = "Occurred before: an instant, or a UTC day (inclusive)") @QueryParam("to") String to,
            @Parameter(description = "Page size, 1..1000; default 100") @QueryParam("limit") String limit,
            @Parameter(description = "Read entries after this seq; default 0") @QueryParam("after") String after) {
        AuditQuery query = AuditQuery.parse(personId, purpose, action, from, to, limit, after);
        return audit.page(tenant.id(), query.filter(), query.after(), query.limit() + 1).map(rows -> {
            List<AuditEntryView> entries = rows.stream().limit(query.limit()).map(AuditEntryView::of).toList();
            Long next = rows.size() > query.limit() ? entries.get(entries.size() - 1).seq() : null;
            return new AuditPage(entries, next);
        });
    }

    @GET
    @Path("/export")
    // Quarkus streams a Multi for one declared type only, and would wrap our ready-made JSON text in an array
    // if that type were JSON: the JSON form therefore answers Accept text/csv or */* and sets its own type.
    @Produces(CSV)
    @Operation(summary = "Every matching audit entry as CSV or a JSON array, streamed",
            description = "Same conditions as the query; covers the chain up to its head when the export starts.")
    @APIResponse(responseCode = "200", description = "The entries")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; named in errors[].field")
    @APIResponse(responseCode = "403", description = "The token lacks the compliance role or a tenant")
    public RestMulti<String> export(
            @Parameter(description = "csv (default) or json") @QueryParam("format") String format,
            @QueryParam("personId") String personId, @QueryParam("purpose") String purpose,
            @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to) {
        boolean json = "json".equals(format);
        if (format != null && !json && !"csv".equals(format)) {
            throw new InvalidInputException("format", "must be csv or json");
        }
        AuditFilter filter = AuditQuery.filter(personId, purpose, action, from, to);
        Multi<List<AuditEntryView>> batches = audit.stream(tenant.id(), filter)
                .map(batch -> batch.stream().map(AuditEntryView::of).toList());
        Multi<String> body = json ? jsonArray(batches) : csv(batches);
        return RestMulti.fromMultiData(body)
                .header(HttpHeaders.CONTENT_TYPE, json ? MediaType.APPLICATION_JSON : CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit." + (json ? "json" : "csv") + "\"")
                .build();
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Checks the tenant's whole chain",
            description = "Recomputes every entry's hash in order and compares each link and the head; reports the"
                    + " first broken seq when a row was altered or removed.")
    @APIResponse(responseCode = "200", description = "The verdict")
    @APIResponse(responseCode = "403", description = "The token lacks the compliance role or a tenant")
    public Uni<ChainVerification> verify() {
        return audit.verify(tenant.id());
    }

    /** One chunk per batch: writing each entry on its own costs the stream several times more. */
    private static Multi<String> csv(Multi<List<AuditEntryView>> batches) {
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(AuditCsv.header()),
                batches.map(batch -> batch.stream().map(AuditCsv::row).collect(Collectors.joining())));
    }

    private static Multi<String> jsonArray(Multi<List<AuditEntryView>> batches) {
        AtomicBoolean first = new AtomicBoolean(true);
        return Multi.createBy().concatenating().streams(Multi.createFrom().item("["),
                batches.map(batch -> (first.getAndSet(false) ? "" : ",")
                        + batch.stream().map(Json::write).collect(Collectors.joining(","))),
                Multi.createFrom().item("]"));
    }
}
