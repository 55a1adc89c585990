package io.closeloop.identity.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.InvalidInputException;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.identity.config.ComplianceConfig;
import io.closeloop.identity.domain.AccessExport;
import io.closeloop.identity.repository.SubjectRequestRepository;
import io.closeloop.identity.service.AccessExports;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Data-subject requests of the caller's tenant for the compliance role. Requests enter through ingest (which
 * hashes any email or phone); this API shows their progress and serves access exports. Another tenant's request
 * answers 404, as an unknown one does.
 */
@Path("/api/v1/compliance/requests")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.COMPLIANCE)
@SecurityRequirement(name = "SecurityScheme")
public class ComplianceResource {

    static final int MAX_LIMIT = 500;

    private final SubjectRequestRepository requests;
    private final AccessExports exports;
    private final ComplianceConfig config;
    private final CurrentTenant tenant;

    public ComplianceResource(SubjectRequestRepository requests, AccessExports exports, ComplianceConfig config,
                              CurrentTenant tenant) {
        this.requests = requests;
        this.exports = exports;
        this.config = config;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "The tenant's data-subject requests, newest first, with each service's status")
    @APIResponse(responseCode = "200", description = "The requests")
    @APIResponse(responseCode = "400", description = "limit is invalid; named in errors[].field")
    @APIResponse(responseCode = "403", description = "The token lacks the compliance role or a tenant")
    public Uni<List<SubjectRequestView>> list(
            @Parameter(description = "At most this many, 1..500; default 50") @QueryParam("limit") String limit) {
        String tenantId = tenant.id();
        int max = limit(limit);
        return Panache.withSession(() -> requests.newest(tenantId, max)
                .onItem().transformToMulti(found -> Multi.createFrom().iterable(found))
                .onItem().transformToUniAndConcatenate(request -> requests.confirmations(tenantId, request.requestId())
                        .map(confirmations -> SubjectRequestView.of(request, config.erasureServices(), confirmations)))
                .collect().asList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One request with each service's confirmation")
    @APIResponse(responseCode = "200", description = "The request")
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "403", description = "The token lacks the compliance role or a tenant")
    @APIResponse(responseCode = "404", description = "The tenant has no request with this id")
    public Uni<SubjectRequestView> get(@PathParam("id") String id) {
        String tenantId = tenant.id();
        UUID requestId = requestId(id);
        return Panache.withSession(() -> requests.find(tenantId, requestId).chain(request -> {
            if (request == null) {
                throw new NotFoundException("no request " + requestId);
            }
            return requests.confirmations(tenantId, requestId)
                    .map(confirmations -> SubjectRequestView.of(request, config.erasureServices(), confirmations));
        }));
    }

    @GET
    @Path("/{id}/export")
    @Operation(summary = "Everything identity holds about the persons of an access request, as JSON",
            description = "Identifiers by kind (match keys and system ids, never clear values), export hashes,"
                    + " consent history and the event ids of the persons' journeys, as stored when it is read.")
    @APIResponse(responseCode = "200", description = "The export")
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "403", description = "The token lacks the compliance role or a tenant")
    @APIResponse(responseCode = "404", description = "The tenant has no access request with this id")
    public Uni<AccessExport> export(@PathParam("id") String id) {
        UUID requestId = requestId(id);
        return exports.export(tenant.id(), requestId).invoke(export -> {
            if (export == null) {
                throw new NotFoundException("no access request " + requestId);
            }
        });
    }

    private static UUID requestId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("id", "must be a request id (UUID)");
        }
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 50;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
