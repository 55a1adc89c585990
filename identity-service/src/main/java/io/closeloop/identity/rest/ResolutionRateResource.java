package io.closeloop.identity.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.identity.repository.ResolutionRateRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The share of events identity resolved to a known person, per kind. Not the match rate (conversions with an
 * eligible touch): only attribution knows lookbacks and consent, and reporting owns that metric.
 */
@Path("/api/v1/identity")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ANALYST)
@SecurityRequirement(name = "SecurityScheme")
public class ResolutionRateResource {

    private final ResolutionRateRepository rates;
    private final CurrentTenant tenant;

    public ResolutionRateResource(ResolutionRateRepository rates, CurrentTenant tenant) {
        this.rates = rates;
        this.tenant = tenant;
    }

    /** @param resolutionRate resolved / events, 0 without events */
    public record Rate(String kind, long events, long resolved, double resolutionRate) {
        static Rate of(String kind, long events, long resolved) {
            return new Rate(kind, events, resolved, events == 0 ? 0 : (double) resolved / events);
        }
    }

    public record Report(LocalDate from, LocalDate to, List<Rate> rows, Rate total) {
    }

    @GET
    @Path("/resolution-rate")
    @Operation(summary = "Touches and conversions that occurred from..to (UTC days, inclusive) and how many were"
            + " resolved to a known person (one holding an email, phone or CRM id); waiting anonymous touches count"
            + " as not resolved")
    public Uni<Report> resolutionRate(@QueryParam("from") String from, @QueryParam("to") String to) {
        DayRange range = DayRange.parse(from, to);
        return Panache.withSession(() -> rates.rates(tenant.id(), range.start(), range.end())).map(rows -> {
            List<Rate> kinds = rows.stream().map(r -> Rate.of(r.kind(), r.events(), r.resolved())).toList();
            return new Report(range.from(), range.to(), kinds, Rate.of(null,
                    kinds.stream().mapToLong(Rate::events).sum(), kinds.stream().mapToLong(Rate::resolved).sum()));
        });
    }

    /** The former name; it never measured a match rate. Removed in the next release. */
    @GET
    @Path("/match-rate")
    @Deprecated
    @Operation(summary = "Deprecated alias of /api/v1/identity/resolution-rate (same answer); removed in the next"
            + " release", deprecated = true)
    public Uni<Report> matchRate(@QueryParam("from") String from, @QueryParam("to") String to) {
        return resolutionRate(from, to);
    }
}
