package io.closeloop.attribution.service;

import io.closeloop.attribution.config.AttributionConfig;
import io.closeloop.attribution.model.AttributionModel;
import io.closeloop.attribution.model.Attributor;
import io.closeloop.attribution.model.LastTouchModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The models every conversion is credited under; further models join this list. */
@ApplicationScoped
public class ModelCatalog {

    private final Attributor attributor;
    private final List<AttributionModel> models;

    public ModelCatalog(AttributionConfig config) {
        this.attributor = new Attributor(config.lookback());
        this.models = List.of(new LastTouchModel(config.modelConfigVersion()));
    }

    public Attributor attributor() {
        return attributor;
    }

    public List<AttributionModel> models() {
        return models;
    }
}
