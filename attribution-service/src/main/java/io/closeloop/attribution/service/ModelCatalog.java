package io.closeloop.attribution.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.closeloop.attribution.config.AttributionConfig;
import io.closeloop.attribution.domain.ModelFitState;
import io.closeloop.attribution.domain.TenantModelSettings;
import io.closeloop.attribution.model.AttributionModel;
import io.closeloop.attribution.model.Attributor;
import io.closeloop.attribution.model.ChannelWeightsModel;
import io.closeloop.attribution.model.FirstTouchModel;
import io.closeloop.attribution.model.LastNonDirectModel;
import io.closeloop.attribution.model.LastTouchModel;
import io.closeloop.attribution.model.LinearModel;
import io.closeloop.attribution.model.ModelChoice;
import io.closeloop.attribution.model.PositionBasedModel;
import io.closeloop.attribution.model.TimeDecayModel;
import io.closeloop.attribution.model.WShapedModel;
import io.closeloop.attribution.repository.ModelFitRepository;
import io.closeloop.attribution.repository.ModelSettingsRepository;
import io.closeloop.contracts.Json;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The models a tenant's conversions are credited under: the seven rule-based ones with the tenant's
 * parameters, and {@value #MARKOV} and {@value #SHAPLEY} with their latest fit, or the tenant's fallback
 * model while the fit saw fewer journeys than the tenant's minimum (or there is no fit yet).
 */
@ApplicationScoped
public class ModelCatalog {

    public static final String MARKOV = "markov";
    public static final String SHAPLEY = "shapley";
    public static final List<String> DATA_DRIVEN = List.of(MARKOV, SHAPLEY);
    private static final TypeReference<Map<String, Double>> WEIGHTS = new TypeReference<>() {
    };

    private final AttributionConfig config;
    private final ModelFitRepository fits;
    private final ModelSettingsRepository settingsRows;

    public ModelCatalog(AttributionConfig config, ModelFitRepository fits, ModelSettingsRepository settingsRows) {
        this.settingsRows = settingsRows;
        this.config = config;
        this.fits = fits;
    }

    /** The tenant's settings with defaults (the configured lookback when the tenant set none). */
    public Uni<ModelSettings> settings(String tenant) {
        return settingsRows.findById(tenant).map(this::settings);
    }

    ModelSettings settings(TenantModelSettings row) {
        if (row == null) {
            return new ModelSettings(null, (int) config.lookback().toDays(), null, null, null, null, null,
                    config.minJourneys(), config.fallbackModel(), null, null, null, null)
                    .withDefaults(config.modelConfigVersion());
        }
        return read(row.settings, ModelSettings.class).withDefaults(row.configVersion);
    }

    public Uni<TenantModels> forTenant(String tenant) {
        return settings(tenant).chain(settings -> fits.latest(tenant, MARKOV)
                .chain(markov -> fits.latest(tenant, SHAPLEY)
                        .map(shapley -> models(settings, markov, shapley))));
    }

    TenantModels models(ModelSettings settings, ModelFitState markov, ModelFitState shapley) {
        int version = settings.configVersion();
        ModelSettings.PositionWeights position = settings.positionWeights();
        List<AttributionModel> ruleBased = List.of(new FirstTouchModel(version), new LastTouchModel(version),
                new LastNonDirectModel(version), new LinearModel(version),
                new TimeDecayModel(version, settings.timeDecayHalfLife()),
                new PositionBasedModel(version, position.first(), position.middle(), position.last()),
                new WShapedModel(version));
        AttributionModel fallback = ruleBased.stream().filter(m -> m.id().equals(settings.fallbackModelId()))
                .findFirst().orElseThrow();
        List<AttributionModel> models = new ArrayList<>(ruleBased);
        models.add(choice(MARKOV, version, markov, settings, fallback));
        models.add(choice(SHAPLEY, version, shapley, settings, fallback));
        return new TenantModels(settings, new Attributor(settings.options()), List.copyOf(models));
    }

    private static ModelChoice choice(String id, int version, ModelFitState fit, ModelSettings settings,
                                      AttributionModel fallback) {
        if (fit == null) {
            return ModelChoice.choose(id, version, null, null, 0, settings.minJourneys(), fallback);
        }
        ChannelWeightsModel fitted = new ChannelWeightsModel(id, version, weights(fit));
        return ModelChoice.choose(id, version, fitted, fit.version, fit.journeys, settings.minJourneys(), fallback);
    }

    public static Map<String, Double> weights(ModelFitState fit) {
        return read(fit.weights, WEIGHTS);
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
