package io.closeloop.attribution.model;

import java.time.Instant;
import java.util.List;

/**
 * Position based (U-shaped): the first and last touches get fixed shares (default 40 % each) and the
 * touches between them share the rest (default 20 %) equally. A single touch gets everything and two
 * touches split evenly (50/50), whatever the configured shares.
 */
public final class PositionBasedModel extends NamedModel {

    public static final String ID = "position_based";

    private final double first;
    private final double middle;
    private final double last;

    public PositionBasedModel(int configVersion) {
        this(configVersion, 0.4, 0.2, 0.4);
    }

    /** Shares of the first touch, of all middle touches together and of the last touch; they must add up to 1. */
    public PositionBasedModel(int configVersion, double first, double middle, double last) {
        super(ID, configVersion);
        if (!(first >= 0 && middle >= 0 && last >= 0) || Math.abs(first + middle + last - 1.0) > 1e-9
                || first + last == 0) {
            throw new IllegalArgumentException("position shares must be non-negative, add up to 1 and give the "
                    + "ends a positive share: " + first + "/" + middle + "/" + last);
        }
        this.first = first;
        this.middle = middle;
        this.last = last;
    }

    @Override
    public double[] weights(List<Touch> path, Instant conversionTime) {
        int n = path.size();
        double[] weights = new double[n];
        if (n == 1) {
            weights[0] = 1.0;
        } else if (n == 2) {
            weights[0] = 0.5;
            weights[1] = 0.5;
        } else {
            weights[0] = first;
            weights[n - 1] = last;
            double each = middle / (n - 2);
            for (int i = 1; i < n - 1; i++) {
                weights[i] = each;
            }
        }
        return weights;
    }
}
