package io.closeloop.attribution.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A data-driven model as it credits conversions: its own id and config version, and the weights of
 * either its fit or, when the fit saw too few journeys, a named rule-based model (the fallback). The
 * credit set says which: {@link #fitVersion()} is the fit used (also recorded on a fallback, so it is
 * clear which fit was judged too small; {@code null} when there is no fit at all) and
 * {@link #fallbackModelId()} names the rule-based model used instead ({@code null} when the fit was used).
 */
public final class ModelChoice implements AttributionModel {

    private final String id;
    private final int configVersion;
    private final AttributionModel weighting;
    private final Long fitVersion;
    private final String fallbackModelId;

    private ModelChoice(String id, int configVersion, AttributionModel weighting, Long fitVersion,
                        String fallbackModelId) {
        this.id = Objects.requireNonNull(id, "id");
        this.configVersion = configVersion;
        this.weighting = Objects.requireNonNull(weighting, "weighting");
        this.fitVersion = fitVersion;
        this.fallbackModelId = fallbackModelId;
    }

    /**
     * The fallback rule: the fit credits if it saw at least {@code minJourneys} journeys (converting and
     * non-converting; exactly the minimum is enough), otherwise {@code fallback} does.
     *
     * @param fitted the fitted weights, or {@code null} when the model was never fitted
     * @param fitVersion the fit's version, {@code null} when never fitted
     * @param fitJourneys how many journeys the fit saw (ignored without a fit)
     */
    public static ModelChoice choose(String id, int configVersion, AttributionModel fitted, Long fitVersion,
                                     long fitJourneys, long minJourneys, AttributionModel fallback) {
        if (fitted != null && fitJourneys >= minJourneys) {
            return new ModelChoice(id, configVersion, fitted, fitVersion, null);
        }
        return new ModelChoice(id, configVersion, fallback, fitted == null ? null : fitVersion, fallback.id());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int configVersion() {
        return configVersion;
    }

    public Long fitVersion() {
        return fitVersion;
    }

    public String fallbackModelId() {
        return fallbackModelId;
    }

    public boolean fellBack() {
        return fallbackModelId != null;
    }

    @Override
    public double[] weights(List<Touch> path, Instant conversionTime) {
        return weighting.weights(path, conversionTime);
    }
}
