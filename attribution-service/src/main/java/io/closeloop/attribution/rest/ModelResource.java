package io.closeloop.attribution.rest;

import io.closeloop.attribution.model.ModelChoice;
import io.closeloop.attribution.repository.ModelFitRepository;
import io.closeloop.attribution.service.FitService;
import io.closeloop.attribution.service.ModelCatalog;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/api/v1/models")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@SecurityRequirement(name = "SecurityScheme")
public class ModelResource {

    private final ModelCatalog catalog;
    private final ModelFitRepository fits;
    private final FitService fitService;
    private final CurrentTenant tenant;

    public ModelResource(ModelCatalog catalog, ModelFitRepository fits, FitService fitService, CurrentTenant tenant) {
        this.catalog = catalog;
        this.fits = fits;
        this.fitService = fitService;
        this.tenant = tenant;
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Every model credits are computed under, its config version and current fit")
    public Uni<List<ModelView>> list() {
        String id = tenant.id();
        return Panache.withSession(() -> catalog.forTenant(id).chain(models -> fits.latest(id, ModelCatalog.MARKOV)
                .chain(markov -> fits.latest(id, ModelCatalog.SHAPLEY).map(shapley -> models.models().stream()
                        .map(model -> {
                            if (!(model instanceof ModelChoice choice)) {
                                return new ModelView(model.id(), "rule_based", model.configVersion(), null, null,
                                        null);
                            }
                            var fit = ModelCatalog.MARKOV.equals(model.id()) ? markov : shapley;
                            long min = models.settings().minJourneys();
                            return new ModelView(model.id(), "data_driven", model.configVersion(),
                                    fit == null ? null : FitView.of(fit, min), min, choice.fallbackModelId());
                        }).toList()))));
    }

    /**
     * Fits the model now over the statistics every instance has published, stores the fit as the next version
     * and restates the period's conversions under it; answers 200 with the fit once all of that has committed.
     */
    @POST
    @Path("/{modelId}/fits")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Fit a data-driven model now (markov or shapley); 200 with the stored fit")
    public Uni<FitView> fit(@PathParam("modelId") String modelId) {
        requireDataDriven(modelId);
        String id = tenant.id();
        return Panache.withTransaction(() -> fitService.fit(id, modelId, Instant.now())
                .chain(fit -> catalog.settings(id).map(settings -> FitView.of(fit, settings.minJourneys()))));
    }

    @GET
    @Path("/{modelId}/fits/{version}")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "One stored fit of a data-driven model")
    public Uni<FitView> fitVersion(@PathParam("modelId") String modelId, @PathParam("version") long version) {
        requireDataDriven(modelId);
        String id = tenant.id();
        return Panache.withSession(() -> fits.version(id, modelId, version).chain(fit -> {
            if (fit == null) {
                throw new NotFoundException("no fit " + version + " of " + modelId);
            }
            return catalog.settings(id).map(settings -> FitView.of(fit, settings.minJourneys()));
        }));
    }

    private static void requireDataDriven(String modelId) {
        if (!ModelCatalog.DATA_DRIVEN.contains(modelId)) {
            throw new InvalidInputException("modelId", "only data-driven models are fitted: " + ModelCatalog.DATA_DRIVEN);
        }
    }
}
