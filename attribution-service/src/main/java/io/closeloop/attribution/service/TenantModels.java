package io.closeloop.attribution.service;

import io.closeloop.attribution.model.AttributionModel;
import io.closeloop.attribution.model.Attributor;
import java.util.List;

/**
 * What crediting a tenant's conversions needs: its settings (with defaults), the attributor applying its
 * path rules, and every model it credits under — the seven rule-based ones and the two data-driven ones
 * (with their current fit or their fallback).
 */
public record TenantModels(ModelSettings settings, Attributor attributor, List<AttributionModel> models) {

    public int configVersion() {
        return settings.configVersion();
    }
}
