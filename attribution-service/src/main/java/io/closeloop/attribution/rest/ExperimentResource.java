package io.closeloop.attribution.rest;

import io.closeloop.attribution.incrementality.Arm;
import io.closeloop.attribution.incrementality.HoldoutEstimate;
import io.closeloop.attribution.service.ExperimentService;
import io.closeloop.common.CurrentTenant;
import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/api/v1/experiments")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ANALYST)
@SecurityRequirement(name = "SecurityScheme")
public class ExperimentResource {

    private final ExperimentService experiments;
    private final CurrentTenant tenant;

    public ExperimentResource(ExperimentService experiments, CurrentTenant tenant) {
        this.experiments = experiments;
        this.tenant = tenant;
    }

    @GET
    @Path("/{experimentId}/incrementality")
    @Operation(summary = "Incremental conversions and revenue, lift and 95 % intervals of a holdout experiment over"
            + " the UTC days from..to (inclusive)")
    public Uni<Incrementality> incrementality(@PathParam("experimentId") String experimentId,
                                              @QueryParam("from") String from, @QueryParam("to") String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate first = date("from", from, errors);
        LocalDate last = date("to", to, errors);
        if (first != null && last != null && last.isBefore(first)) {
            errors.add(FieldError.of("to", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String id = tenant.id();
        return Panache.withSession(() -> experiments.incrementality(id, experimentId,
                        first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .map(result -> new Incrementality(experimentId, first, last, result.exposed(), result.control(),
                        result.estimate()));
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "required, YYYY-MM-DD"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "not a date, expected YYYY-MM-DD"));
            return null;
        }
    }

    /**
     * The answer: each arm's totals and, when both arms have at least two persons, the estimate (null otherwise).
     * Revenue is in minor units of the tenant's base currency.
     */
    public record Incrementality(String experimentId, LocalDate from, LocalDate to, Arm exposed, Arm control,
                                 HoldoutEstimate estimate) {
    }
}
