package io.closeloop.attribution.model;

import java.time.Instant;
import java.util.List;

/** All credit to the first eligible touch of the path (ties on time: see {@link Touch#JOURNEY_ORDER}). */
public final class FirstTouchModel extends NamedModel {

    public static final String ID = "first_touch";

    public FirstTouchModel(int configVersion) {
        super(ID, configVersion);
    }

    @Override
    public double[] weights(List<Touch> path, Instant conversionTime) {
        double[] weights = new double[path.size()];
        weights[0] = 1.0;
        return weights;
    }
}
