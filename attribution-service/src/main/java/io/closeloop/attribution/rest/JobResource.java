package io.closeloop.attribution.rest;

import io.closeloop.attribution.repository.RestatementJobRepository;
import io.closeloop.attribution.service.RestatementJobs;
import io.closeloop.common.CurrentTenant;
import io.closeloop.common.InvalidInputException;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Restatement jobs; each tenant sees only its own (another tenant's id is 404, as an unknown one). */
@Path("/api/v1/attribution/jobs")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@SecurityRequirement(name = "SecurityScheme")
public class JobResource {

    private final RestatementJobRepository jobs;
    private final RestatementJobs runner;
    private final CurrentTenant tenant;

    public JobResource(RestatementJobRepository jobs, RestatementJobs runner, CurrentTenant tenant) {
        this.jobs = jobs;
        this.runner = runner;
        this.tenant = tenant;
    }

    @GET
    @Path("/{jobId}")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "A restatement job: kind, state, conversions total and done, started, finished, error")
    public Uni<JobView> get(@PathParam("jobId") String jobId) {
        UUID id = id(jobId);
        String owner = tenant.id();
        return Panache.withSession(() -> jobs.ofTenant(owner, id)).map(job -> {
            if (job == null) {
                throw new NotFoundException("no restatement job " + jobId);
            }
            return JobView.of(job);
        });
    }

    @POST
    @Path("/{jobId}/rerun")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Queue a failed job again; it resumes after its last committed batch")
    public Uni<JobView> rerun(@PathParam("jobId") String jobId) {
        UUID id = id(jobId);
        String owner = tenant.id();
        return Panache.withTransaction(() -> runner.rerun(owner, id)).map(job -> {
            if (job == null) {
                throw new NotFoundException("no restatement job " + jobId);
            }
            return JobView.of(job);
        });
    }

    private static UUID id(String jobId) {
        try {
            return UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("jobId", "is not a UUID");
        }
    }
}
