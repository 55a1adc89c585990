package io.closeloop.ingest.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.ingest.service.upload.UploadJobService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Upload jobs of the caller's tenant; another tenant's job does not exist here (404). */
@Path("/api/v1/uploads")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.INGEST, Roles.ADMIN})
@SecurityRequirement(name = "SecurityScheme")
public class UploadJobResource {

    private final UploadJobService uploads;
    private final CurrentTenant tenant;

    public UploadJobResource(UploadJobService uploads, CurrentTenant tenant) {
        this.uploads = uploads;
        this.tenant = tenant;
    }

    @GET
    @Path("/{jobId}")
    @Blocking
    @Operation(summary = "An upload job: state, progress, counts accepted/duplicate/rejected and the first row errors")
    public UploadJobView get(@PathParam("jobId") UUID jobId) throws SQLException {
        return uploads.find(tenant.id(), jobId).map(UploadJobView::of)
                .orElseThrow(() -> new NotFoundException("no upload job " + jobId));
    }
}
