package io.closeloop.attribution.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Every eligible touch weighs the same. The weights do not depend on the touches' order, so the credit
 * each touch receives depends on its position only through the rounding tie rule of
 * {@link LargestRemainder} (equal remainders favour the later touch).
 */
public final class LinearModel implements AttributionModel {

    public static final String ID = "linear";

    private final int configVersion;

    public LinearModel(int configVersion) {
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
        Arrays.fill(weights, 1.0);
        return weights;
    }
}
