package io.closeloop.ingest.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.ingest.service.ReplayService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/api/v1/admin/replay")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "SecurityScheme")
public class ReplayResource {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z_]{0,63}");

    private final ReplayService replay;
    private final CurrentTenant tenant;

    public ReplayResource(ReplayService replay, CurrentTenant tenant) {
        this.replay = replay;
        this.tenant = tenant;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Publish the tenant's raw events of a time range again, with their original event ids",
            description = "Events with from <= occurredAt < to, in time order, through the outbox.")
    public ReplayResult replay(ReplayRequest request) {
        if (request == null) {
            throw new InvalidInputException("$", "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        Instant from = instant(errors, "from", request.from());
        Instant to = instant(errors, "to", request.to());
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(FieldError.of("to", "must be after from"));
        }
        List<String> kinds = request.kinds() == null ? List.of() : request.kinds();
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i) == null || !KIND.matcher(kinds.get(i)).matches()) {
                errors.add(FieldError.of("kinds[" + i + "]", "is not a raw-event kind such as touchpoint"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ReplayResult(from, to, kinds, replay.replay(tenant.id(), from, to, kinds));
    }

    private static Instant instant(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "is required"));
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "is not an ISO-8601 date-time with offset"));
            return null;
        }
    }
}
