package io.closeloop.attribution.model;

import java.time.Instant;
import java.util.List;

/**
 * All credit to the last eligible touch whose channel is not {@value #DIRECT} (compared ignoring case).
 * A path of direct touches only gives everything to its last touch, exactly as {@link LastTouchModel}
 * would: the conversion is still credited to a touch we saw rather than left unattributed.
 */
public final class LastNonDirectModel extends NamedModel {

    public static final String ID = "last_non_direct";
    public static final String DIRECT = "direct";

    public LastNonDirectModel(int configVersion) {
        super(ID, configVersion);
    }

    @Override
    public double[] weights(List<Touch> path, Instant conversionTime) {
        double[] weights = new double[path.size()];
        int chosen = path.size() - 1;
        for (int i = path.size() - 1; i >= 0; i--) {
            if (!DIRECT.equalsIgnoreCase(path.get(i).channel())) {
                chosen = i;
                break;
            }
        }
        weights[chosen] = 1.0;
        return weights;
    }
}
