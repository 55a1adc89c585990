package io.closeloop.attribution.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import io.closeloop.attribution.domain.ModelFitState;
import io.closeloop.attribution.model.ChannelShares.ChannelShare;
import io.closeloop.attribution.service.ModelCatalog;
import io.closeloop.contracts.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A fit of a data-driven model.
 *
 * @param weights channel → share of credit (adding up to 1 unless the fit saw no conversion)
 * @param usedForCredits whether the fit saw at least the tenant's minimum of journeys and so credits conversions
 * @param channels per channel the fit's share beside what crediting each conversion on its own path gives
 * @param restatementJob the job restating the conversions under this fit (only in the answer to a fit)
 */
public record FitView(String modelId, long version, Instant fittedAt,
                      @Schema(description = "Start of the conversions the fit learned from (inclusive)")
                      Instant periodFrom,
                      @Schema(description = "End of the conversions the fit learned from (exclusive)")
                      Instant periodTo,
                      long journeys, long conversions, Map<String, Double> weights, boolean usedForCredits,
                      @Schema(description = "fitShare: removal-effect (Markov) or Shapley share, fitConversions ="
                              + " fitShare × conversions (what ChannelAttribution reports); creditedConversions,"
                              + " creditedShare, creditedValueShare: the period's conversions split among the"
                              + " channels on each one's own path, as credit sets do")
                      List<ChannelShare> channels,
                      JobView restatementJob) {

    private static final TypeReference<List<ChannelShare>> SHARES = new TypeReference<>() {
    };

    static FitView of(ModelFitState fit, long minJourneys) {
        return of(fit, minJourneys, null);
    }

    static FitView of(ModelFitState fit, long minJourneys, JobView job) {
        return new FitView(fit.modelId, fit.version, fit.fittedAt, fit.periodFrom, fit.periodTo, fit.journeys,
                fit.conversions, ModelCatalog.weights(fit), fit.journeys >= minJourneys, shares(fit), job);
    }

    private static List<ChannelShare> shares(ModelFitState fit) {
        if (fit.channelShares == null) {
            return List.of();
        }
        try {
            return Json.mapper().readValue(fit.channelShares, SHARES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
