package io.closeloop.attribution.rest;

import io.closeloop.attribution.config.AttributionConfig;
import io.closeloop.attribution.model.ModelChoice;
import io.closeloop.attribution.repository.ModelFitRepository;
import io.closeloop.attribution.repository.RestatementJobRepository;
import io.closeloop.attribution.service.FitPeriod;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/api/v1/models")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@SecurityRequirement(name = "SecurityScheme")
public class ModelResource {

    private final ModelCatalog catalog;
    private final ModelFitRepository fits;
    private final FitService fitService;
    private final RestatementJobRepository jobs;
    private final AttributionConfig config;
    private final CurrentTenant tenant;

    public ModelResource(ModelCatalog catalog, ModelFitRepository fits, FitService fitService,
                         RestatementJobRepository jobs, AttributionConfig config, CurrentTenant tenant) {
        this.catalog = catalog;
        this.jobs = jobs;
        this.config = config;
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
     * Fits the model over a period of the tenant's data (default: the latest fit period of it, ending at the
     * newest conversion), stores the fit as the next version and queues the job restating the conversions
     * under it; answers 202 with the stored fit, the job, and the job's resource as Location.
     */
    @POST
    @Path("/{modelId}/fits")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Fit a data-driven model (markov or shapley) over a period of the data; 202 with the"
            + " stored fit and the restatement job (Location)")
    @APIResponse(responseCode = "202", description = "Fitted; Location names the job restating the conversions")
    @APIResponse(responseCode = "400", description = "Not a data-driven model, or a bad period")
    public Uni<RestResponse<FitView>> fit(@PathParam("modelId") String modelId,
                                          @Parameter(description = "First UTC day of the period (inclusive);"
                                                  + " default: the period's length before to")
                                          @QueryParam("from") String from,
                                          @Parameter(description = "Last UTC day of the period (inclusive);"
                                                  + " default: the day of the newest conversion")
                                          @QueryParam("to") String to) {
        requireDataDriven(modelId);
        String id = tenant.id();
        Instant now = Instant.now();
        return Panache.withTransaction(() -> jobs.newestConversion(id)
                .map(newest -> FitPeriod.parse(from, to, newest, config.fitPeriod(), now))
                .chain(period -> fitService.fitAndRestate(id, modelId, period, now))
                .chain(outcome -> catalog.settings(id).map(settings -> RestResponse.ResponseBuilder
                        .create(RestResponse.Status.ACCEPTED, FitView.of(outcome.fit(), settings.minJourneys(),
                                JobView.of(outcome.restatement())))
                        .location(JobView.location(outcome.restatement())).build())));
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
