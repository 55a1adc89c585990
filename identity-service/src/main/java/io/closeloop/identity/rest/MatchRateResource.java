package io.closeloop.identity.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.identity.repository.MatchRateRepository;
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

/** Share of conversions linked to at least one touchpoint, per conversion type. */
@Path("/api/v1/identity/match-rate")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ANALYST)
@SecurityRequirement(name = "SecurityScheme")
public class MatchRateResource {

    private final MatchRateRepository rates;
    private final CurrentTenant tenant;

    public MatchRateResource(MatchRateRepository rates, CurrentTenant tenant) {
        this.rates = rates;
        this.tenant = tenant;
    }

    /** @param matchRate matched / conversions, 0 without conversions */
    public record Rate(String conversionType, long conversions, long matched, double matchRate) {
        static Rate of(String type, long conversions, long matched) {
            return new Rate(type, conversions, matched, conversions == 0 ? 0 : (double) matched / conversions);
        }
    }

    public record Report(LocalDate from, LocalDate to, List<Rate> rows, Rate total) {
    }

    @GET
    @Operation(summary = "Conversions (distinct ids) that occurred from..to (UTC days, inclusive) and how many"
            + " are linked to at least one touchpoint of their person")
    public Uni<Report> matchRate(@QueryParam("from") String from, @QueryParam("to") String to) {
        DayRange range = DayRange.parse(from, to);
        return Panache.withSession(() -> rates.rates(tenant.id(), range.start(), range.end())).map(rows -> {
            List<Rate> rates = rows.stream().map(r -> Rate.of(r.conversionType(), r.conversions(), r.matched()))
                    .toList();
            return new Report(range.from(), range.to(), rates, Rate.of(null,
                    rates.stream().mapToLong(Rate::conversions).sum(), rates.stream().mapToLong(Rate::matched).sum()));
        });
    }
}
