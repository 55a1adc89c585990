package io.closeloop.ingest.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.InvalidInputException;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.ingest.service.IngestService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Single events. A 202 means the event is stored durably and will be published. */
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.INGEST)
@SecurityRequirement(name = "SecurityScheme")
public class EventResource {

    private final IngestService ingest;
    private final CurrentTenant tenant;

    public EventResource(IngestService ingest, CurrentTenant tenant) {
        this.ingest = ingest;
        this.tenant = tenant;
    }

    @POST
    @Path("/touchpoints")
    @Operation(summary = "Accept one touchpoint")
    @APIResponse(responseCode = "202", description = "Stored; status is accepted or duplicate")
    @APIResponse(responseCode = "400", description = "Invalid fields, named in the problem document")
    public Uni<Response> touchpoint(TouchpointRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return ingest.acceptTouchpoint(tenant.id(), required(request), idempotencyKey).map(EventResource::accepted);
    }

    @POST
    @Path("/conversions")
    @Operation(summary = "Accept one conversion")
    @APIResponse(responseCode = "202", description = "Stored; status is accepted or duplicate")
    @APIResponse(responseCode = "400", description = "Invalid fields, named in the problem document")
    public Uni<Response> conversion(ConversionRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return ingest.acceptConversion(tenant.id(), required(request), idempotencyKey).map(EventResource::accepted);
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new InvalidInputException("$", "a JSON body is required");
        }
        return body;
    }

    private static Response accepted(IngestResult result) {
        return Response.accepted(result).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
