package io.closeloop.attribution.model;

import java.time.Instant;
import java.util.List;

/** All credit to the last eligible touch before the conversion (ties on time: see {@link Touch#JOURNEY_ORDER}). */
public final class LastTouchModel implements AttributionModel {

    public static final String ID = "last_touch";

    private final int configVersion;

    public LastTouchModel(int configVersion) {
        this.configVersion = configVersion;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int configVersion() {
        return configVersion;
    }

    @Override
    public double[] weights(List<Touch> path, Instant conversionTime) {
        double[] weights = new double[path.size()];
        weights[weights.length - 1] = 1.0;
        return weights;
    }
}
