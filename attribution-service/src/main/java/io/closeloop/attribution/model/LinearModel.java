package io.closeloop.attribution.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Every eligible touch weighs the same. The weights do not depend on the touches' order, so the credit
 * each touch receives depends on its position only through the rounding tie rule of
 * {@link LargestRemainder} (equal remainders favour the later touch).
 */
public final class LinearModel extends NamedModel {

    public static final String ID = "linear";

    public LinearModel(int configVersion) {
        super(ID, configVersion);
    }

    @Override
    public double[] weights(List<Touch> path, Instant conversionTime) {
        double[] weights = new double[path.size()];
        Arrays.fill(weights, 1.0);
        return weights;
    }
}
