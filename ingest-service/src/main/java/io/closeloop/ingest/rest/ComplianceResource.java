package io.closeloop.ingest.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.ingest.service.compliance.ComplianceRequestFields;
import io.closeloop.ingest.service.compliance.ComplianceService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Data-subject requests (erasure, access): hashed here, then owned by identity. */
@Path("/api/v1/compliance/requests")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.COMPLIANCE)
@SecurityRequirement(name = "SecurityScheme")
public class ComplianceResource {

    private final ComplianceService compliance;
    private final CurrentTenant tenant;
    private final SecurityIdentity identity;

    public ComplianceResource(ComplianceService compliance, CurrentTenant tenant, SecurityIdentity identity) {
        this.compliance = compliance;
        this.tenant = tenant;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an erasure or access request; identity reports its status")
    @APIResponse(responseCode = "202", description = "Forwarded; the body carries the request id")
    public Response submit(ComplianceRequestFields fields, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        UUID requestId = compliance.submit(tenant.id(), identity.getPrincipal().getName(),
                ConfigBodies.required(fields), idempotencyKey);
        return Response.accepted(Map.of("requestId", requestId)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
