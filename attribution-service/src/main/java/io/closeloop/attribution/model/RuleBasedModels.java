package io.closeloop.attribution.model;

import java.util.List;

/** The rule-based models with their default parameters. */
public final class RuleBasedModels {

    private RuleBasedModels() {
    }

    /** First, last, last non-direct, linear, time decay (7 days), position based (40/20/40), W-shaped (30/30/30/10). */
    public static List<AttributionModel> defaults(int configVersion) {
        return List.of(new FirstTouchModel(configVersion), new LastTouchModel(configVersion),
                new LastNonDirectModel(configVersion), new LinearModel(configVersion),
                new TimeDecayModel(configVersion), new PositionBasedModel(configVersion),
                new WShapedModel(configVersion));
    }
}
