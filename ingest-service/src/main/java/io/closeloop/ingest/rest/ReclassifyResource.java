package io.closeloop.ingest.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.ingest.domain.ReclassifyJob;
import io.closeloop.ingest.service.replay.ReclassifyService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Reclassification: stored touches get the channel the current rules give them; those that change are published
 * again as a new version of the same touch (same touch id, new message id), which identity and attribution
 * apply in place of the earlier one.
 */
@Path("/api/v1/admin/reclassify")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "SecurityScheme")
public class ReclassifyResource {

    private final ReclassifyService reclassify;
    private final CurrentTenant tenant;

    public ReclassifyResource(ReclassifyService reclassify, CurrentTenant tenant) {
        this.reclassify = reclassify;
        this.tenant = tenant;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Reclassify the tenant's touches of a time range with the current channel rules, as a job",
            description = "202 with Location of the job; touches with from <= occurredAt < to.")
    public Response start(ReclassifyRequest request) {
        if (request == null) {
            throw new InvalidInputException("$", "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        TimeRangeFields range = TimeRangeFields.read(errors, request.from(), request.to());
        Instant from = range.from();
        Instant to = range.to();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ReclassifyJob job = reclassify.submit(tenant.id(), from, to);
        return Response.accepted(ReclassifyJobView.of(job))
                .location(URI.create("/api/v1/admin/reclassify/" + job.jobId())).build();
    }

    @GET
    @Path("/{jobId}")
    @Blocking
    @Operation(summary = "A reclassification: state, progress, touches read, changed and published")
    public ReclassifyJobView get(@PathParam("jobId") UUID jobId) {
        return reclassify.find(tenant.id(), jobId).map(ReclassifyJobView::of)
                .orElseThrow(() -> new NotFoundException("no reclassification " + jobId));
    }
}
