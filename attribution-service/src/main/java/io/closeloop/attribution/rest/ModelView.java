package io.closeloop.attribution.rest;

/**
 * One model of the catalogue as {@code GET /api/v1/models} lists it.
 *
 * @param kind {@code rule_based} or {@code data_driven}
 * @param currentFit the latest fit of a data-driven model, null for rule-based ones or before the first fit
 * @param fallbackModelId the rule-based model crediting instead right now (data-driven models whose fit is missing
 *        or saw fewer journeys than the minimum), else null
 */
public record ModelView(String modelId, String kind, int configVersion, FitView currentFit, Long minJourneys,
                        String fallbackModelId) {
}
