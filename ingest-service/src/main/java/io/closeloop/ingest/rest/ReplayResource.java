package io.closeloop.ingest.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.ingest.service.replay.ReplayService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
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
        TimeRangeFields range = TimeRangeFields.read(errors, request.from(), request.to());
        Instant from = range.from();
        Instant to = range.to();
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
}
