package io.closeloop.identity.rest;

import io.closeloop.common.CurrentTenant;
import io.closeloop.common.InvalidInputException;
import io.closeloop.common.Problem;
import io.closeloop.common.Roles;
import io.closeloop.identity.repository.ConsentRepository;
import io.closeloop.identity.service.SettingsService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Consent defaults (admin) and the anonymous counts of events held back for lack of consent (analyst). */
@Path("/api/v1/consent")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@SecurityRequirement(name = "SecurityScheme")
public class ConsentResource {

    private final SettingsService settings;
    private final ConsentRepository consents;
    private final CurrentTenant tenant;
    private final SecurityIdentity identity;

    public ConsentResource(SettingsService settings, ConsentRepository consents, CurrentTenant tenant,
                           SecurityIdentity identity) {
        this.settings = settings;
        this.consents = consents;
        this.tenant = tenant;
        this.identity = identity;
    }

    public record SuppressedCounts(LocalDate from, LocalDate to, List<ConsentRepository.SuppressedCount> rows,
                                   long total) {
    }

    @GET
    @Path("/defaults")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Consent defaults per region and purpose, and the basis for server-side sources")
    public Uni<ConsentDefaultsFields> getDefaults() {
        return settings.consentRules(tenant.id()).map(ConsentDefaultsFields::of);
    }

    @PUT
    @Path("/defaults")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the consent defaults; applies to events resolved from now on; audited")
    public Uni<ConsentDefaultsFields> putDefaults(ConsentDefaultsFields fields) {
        if (fields == null) {
            throw new InvalidInputException("$", "a JSON body is required");
        }
        return settings.changeConsentRules(tenant.id(), fields.rules(), identity.getPrincipal().getName())
                .map(ConsentDefaultsFields::of);
    }

    @GET
    @Path("/suppressed-counts")
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Events without measurement consent per UTC day and channel, from..to inclusive")
    public Uni<SuppressedCounts> suppressed(@QueryParam("from") String from, @QueryParam("to") String to) {
        DayRange range = DayRange.parse(from, to);
        return Panache.withSession(() -> consents.suppressed(tenant.id(), range.from(), range.to()))
                .map(rows -> new SuppressedCounts(range.from(), range.to(), rows,
                        rows.stream().mapToLong(ConsentRepository.SuppressedCount::events).sum()));
    }
}
