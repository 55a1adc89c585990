package io.closeloop.attribution.service;

import io.closeloop.attribution.config.AttributionConfig;
import io.closeloop.attribution.model.AttributionModel;
import io.closeloop.attribution.model.Attributor;
import io.closeloop.attribution.model.RuleBasedModels;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The models every conversion is credited under: every rule-based model; data-driven fits join this list. */
@ApplicationScoped
public class ModelCatalog {

    private final Attributor attributor;
    private final List<AttributionModel> models;

    public ModelCatalog(AttributionConfig config) {
        this.attributor = new Attributor(config.lookback());
        this.models = RuleBasedModels.defaults(config.modelConfigVersion());
    }

    public Attributor attributor() {
        return attributor;
    }

    public List<AttributionModel> models() {
        return models;
    }
}
