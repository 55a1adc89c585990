package io.closeloop.attribution.model;

import java.time.Instant;
import java.util.List;

/** All credit to the last eligible touch before the conversion (ties on time: see {@link Touch#JOURNEY_ORDER}). */
public final class LastTouchModel extends NamedModel {

    public static final String ID = "last_touch";

    public LastTouchModel(int configVersion) {
        super(ID, configVersion);
    }

    @Override
    public double[] weights(List<Touch> path, Instant conversionTime) {
        double[] weights = new double[path.size()];
        weights[weights.length - 1] = 1.0;
        return weights;
    }
}
