package io.closeloop.attribution.rest;

import io.closeloop.attribution.domain.ModelFitState;
import io.closeloop.attribution.service.ModelCatalog;
import java.time.Instant;
import java.util.Map;

/**
 * A fit of a data-driven model.
 *
 * @param weights channel → share of credit (adding up to 1 unless the fit saw no conversion)
 * @param usedForCredits whether the fit saw at least the tenant's minimum of journeys and so credits conversions
 */
public record FitView(String modelId, long version, Instant fittedAt, long journeys, long conversions,
                      Map<String, Double> weights, boolean usedForCredits) {

    static FitView of(ModelFitState fit, long minJourneys) {
        return new FitView(fit.modelId, fit.version, fit.fittedAt, fit.journeys, fit.conversions,
                ModelCatalog.weights(fit), fit.journeys >= minJourneys);
    }
}
