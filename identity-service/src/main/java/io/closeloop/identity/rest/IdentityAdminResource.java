package io.closeloop.identity.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.InvalidInputException;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.identity.repository.ReviewRepository;
import io.closeloop.identity.service.MergeService;
import io.closeloop.identity.service.SettingsService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The identity graph for the tenant's admin: held-back merges, unmerge, guard limits. */
@Path("/api/v1/identity")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "SecurityScheme")
public class IdentityAdminResource {

    private static final Set<String> STATUSES = Set.of(ReviewRepository.PENDING, ReviewRepository.APPROVED,
            ReviewRepository.REJECTED);

    private final MergeService merges;
    private final SettingsService settings;
    private final CurrentTenant tenant;
    private final SecurityIdentity identity;

    public IdentityAdminResource(MergeService merges, SettingsService settings, CurrentTenant tenant,
                                 SecurityIdentity identity) {
        this.merges = merges;
        this.settings = settings;
        this.tenant = tenant;
        this.identity = identity;
    }

    public record UnmergeRequest(String absorbedPersonId) {
    }

    @GET
    @Path("/reviews")
    @Operation(summary = "Merges the over-merge guard held back, oldest first",
            description = "status: pending (default), approved, rejected or all")
    public Uni<List<ReviewRepository.Review>> reviews(@QueryParam("status") String status) {
        String chosen = status == null || status.isBlank() ? ReviewRepository.PENDING : status;
        if (!"all".equals(chosen) && !STATUSES.contains(chosen)) {
            throw new InvalidInputException("status", "must be pending, approved, rejected or all");
        }
        return merges.reviews(tenant.id(), "all".equals(chosen) ? null : chosen);
    }

    @POST
    @Path("/reviews/{id}/approve")
    @Operation(summary = "Merge the two persons of a held-back merge; announced on identity.merges")
    public Uni<ReviewRepository.Review> approve(@PathParam("id") String id) {
        return merges.approve(tenant.id(), uuid("id", id), identity.getPrincipal().getName());
    }

    @POST
    @Path("/reviews/{id}/reject")
    @Operation(summary = "Keep the two persons of a held-back merge apart")
    public Uni<ReviewRepository.Review> reject(@PathParam("id") String id) {
        return merges.reject(tenant.id(), uuid("id", id), identity.getPrincipal().getName());
    }

    @POST
    @Path("/persons/{survivorId}/unmerge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Undo a merge: the absorbed person gets back the identifiers and events it brought",
            description = "Announced on identity.merges as type unmerge with the event ids that move back.")
    public Uni<MergeService.Unmerged> unmerge(@PathParam("survivorId") String survivorId, UnmergeRequest request) {
        UUID survivor = uuid("survivorId", survivorId);
        if (request == null) {
            throw new InvalidInputException("$", "a JSON body is required");
        }
        UUID absorbed = uuid("absorbedPersonId", request.absorbedPersonId());
        return merges.unmerge(tenant.id(), survivor, absorbed, identity.getPrincipal().getName());
    }

    @GET
    @Path("/settings")
    @Operation(summary = "Over-merge guard limits and the probabilistic match threshold")
    public Uni<GuardSettingsFields> getSettings() {
        return settings.limits(tenant.id()).map(GuardSettingsFields::of);
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the guard limits and the match threshold; audited")
    public Uni<GuardSettingsFields> putSettings(GuardSettingsFields fields) {
        if (fields == null) {
            throw new InvalidInputException("$", "a JSON body is required");
        }
        return settings.changeLimits(tenant.id(), fields.limits(), identity.getPrincipal().getName())
                .map(GuardSettingsFields::of);
    }

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(field, "must be a UUID");
        }
    }
}
