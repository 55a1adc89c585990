package io.closeloop.attribution.model;

import java.time.Instant;
import java.util.List;

/** All credit to the first eligible touch of the path (ties on time: see {@link Touch#JOURNEY_ORDER}). */
public final class FirstTouchModel implements AttributionModel {

    public static final String ID = "first_touch";

    private final int configVersion;

    public FirstTouchModel(int configVersion) {
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
        weights[0] = 1.0;
        return weights;
    }
}
