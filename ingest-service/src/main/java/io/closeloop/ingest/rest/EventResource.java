package io.closeloop.ingest.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.InvalidInputException;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.service.upload.LimitedInputStream;
import io.closeloop.ingest.service.write.BatchResult;
import io.closeloop.ingest.service.write.IngestResult;
import io.closeloop.ingest.service.write.IngestService;
import io.closeloop.ingest.domain.UploadJob;
import io.closeloop.ingest.service.rows.RowSources;
import io.closeloop.ingest.service.upload.UploadJobService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Events of every kind ({@code touchpoints}, {@code conversions}, ...): one, or many in one body. Bodies are
 * read as streams on a worker thread, never held whole. A 202 or 200 means the accepted events are stored
 * durably and will be published.
 */
@Path("/api/v1")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.INGEST)
@SecurityRequirement(name = "SecurityScheme")
public class EventResource {

    private final IngestService ingest;
    private final CurrentTenant tenant;
    private final UploadJobService uploads;
    private final IngestConfig config;
    private final SecurityIdentity identity;

    public EventResource(IngestService ingest, UploadJobService uploads, CurrentTenant tenant, IngestConfig config,
                         SecurityIdentity identity) {
        this.ingest = ingest;
        this.uploads = uploads;
        this.tenant = tenant;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Path("/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Accept one event of a kind (touchpoints, conversions, ...)")
    @APIResponse(responseCode = "202", description = "Stored; status is accepted or duplicate; warnings name contact "
            + "fields (an email or phone that could not be read) that were dropped while the event was kept")
    @APIResponse(responseCode = "400", description = "Invalid fields, named in the problem document")
    @APIResponse(responseCode = "404", description = "No such kind")
    @APIResponse(responseCode = "413", description = "The body is larger than a single event may be")
    public Response one(@PathParam("kind") String kind, InputStream body,
                        @HeaderParam("Idempotency-Key") String idempotencyKey) throws IOException {
        IngestResult result = ingest.acceptOne(tenant.id(), SourceClient.of(identity), kind,
                new LimitedInputStream(body, config.maxEventBytes()), idempotencyKey);
        return Response.accepted(result).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("/{kind}/batch")
    @Consumes({MediaType.APPLICATION_JSON, RowSources.NDJSON, RowSources.CSV})
    @Blocking
    @Operation(summary = "Accept many events of a kind: a JSON array, NDJSON (application/x-ndjson) or CSV (text/csv)",
            description = "Each row is validated on its own; valid rows are stored and published, invalid rows are "
                    + "listed with row, field and reason. With an Idempotency-Key, rows without eventId get ids "
                    + "derived from the key and their row number, so re-sending the batch reports duplicates.")
    @APIResponse(responseCode = "200", description = "Counts accepted, duplicate, rejected, the row errors and the "
            + "warnings of stored rows (row, field, reason)")
    @APIResponse(responseCode = "400", description = "Nothing could be read (e.g. the body is not a JSON array)")
    @APIResponse(responseCode = "413", description = "Larger than a synchronous batch may be; use uploads. A chunked "
            + "body that outgrew the limit after rows were stored names settledThroughRow (every row up to it is stored, "
            + "a duplicate or listed in errors) and firstUnstoredRow (send the rows from there again)")
    public BatchResult batch(@PathParam("kind") String kind, InputStream body,
                             @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                             @HeaderParam("Idempotency-Key") String idempotencyKey) throws IOException {
        return ingest.acceptBatch(tenant.id(), SourceClient.of(identity), kind, supported(contentType),
                new LimitedInputStream(body, config.maxBatchBytes()), idempotencyKey);
    }

    @POST
    @Path("/{kind}/uploads")
    @Consumes({RowSources.CSV, RowSources.NDJSON, MediaType.APPLICATION_JSON})
    @Blocking
    @Operation(summary = "Upload a large file of events of a kind (CSV, NDJSON or a JSON array) as a job",
            description = "The file is stored, then read in chunks; follow Location for progress and counts. Rows "
                    + "without eventId get ids derived from the Idempotency-Key (or, without one, from the file's "
                    + "SHA-256) and their row number, so sending the same file again reports its rows as duplicates.")
    @APIResponse(responseCode = "202", description = "Stored as a job; Location names the job resource")
    @APIResponse(responseCode = "413", description = "Larger than an upload may be")
    public Response upload(@PathParam("kind") String kind, InputStream body,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam("Idempotency-Key") String idempotencyKey) throws IOException, SQLException {
        UploadJob job = uploads.submit(tenant.id(), SourceClient.of(identity), kind, supported(contentType),
                new LimitedInputStream(body, config.maxUploadBytes()), idempotencyKey);
        return Response.accepted(UploadJobView.of(job)).type(MediaType.APPLICATION_JSON_TYPE)
                .location(URI.create("/api/v1/uploads/" + job.jobId())).build();
    }

    static String supported(String contentType) {
        String type = RowSources.supported(contentType);
        if (type == null) {
            throw new InvalidInputException("Content-Type", "must be one of " + RowSources.TYPES);
        }
        return type;
    }
}
