package io.closeloop.attribution.model;

import java.time.Instant;
import java.util.List;

/**
 * W-shaped: three anchor roles get 30 % each and the other touches share 10 % equally (configurable).
 *
 * <p>How the anchors are identified:
 * <ul>
 *   <li><b>first</b>: the first eligible touch of the path;</li>
 *   <li><b>lead creation</b>: the first touch of the path flagged {@link Touch.Milestone#LEAD_CREATED};</li>
 *   <li><b>opportunity creation</b>: the first touch of the path flagged
 *       {@link Touch.Milestone#OPPORTUNITY_CREATED}.</li>
 * </ul>
 * The flags come from the source that knows the milestone (the CRM marks the touch that created the lead
 * or the opportunity); the model never guesses them from positions.
 *
 * <p>Coinciding anchors add up: a touch holding two roles (e.g. the first touch created the lead) weighs
 * 30 + 30 = 60, all three roles 90. A missing anchor (no flagged touch, e.g. a lead that has no
 * opportunity yet, or an e-commerce path without CRM milestones) is dropped, and so is the "rest" share
 * when every touch holds a role; the remaining weights are then renormalized to 100 %. Examples with the
 * defaults: first + lead + opportunity on three distinct touches and two others → 30/30/30/5/5 %;
 * three touches, all anchors distinct → 1/3 each; first touch also created the lead, opportunity on a
 * later touch, one other touch → 60/30/10 %; no milestones at all, four touches → first 30/(30+10) = 75 %,
 * others 25/3 % each; a single touch → 100 %.
 */
public final class WShapedModel extends NamedModel {

    public static final String ID = "w_shaped";

    private final double first;
    private final double lead;
    private final double opportunity;
    private final double rest;

    public WShapedModel(int configVersion) {
        this(configVersion, 0.3, 0.3, 0.3, 0.1);
    }

    /** Shares of the first, lead-creation and opportunity-creation touches and of all other touches together. */
    public WShapedModel(int configVersion, double first, double lead, double opportunity, double rest) {
        super(ID, configVersion);
        if (!(first > 0 && lead > 0 && opportunity > 0 && rest >= 0)
                || Math.abs(first + lead + opportunity + rest - 1.0) > 1e-9) {
            throw new IllegalArgumentException("W-shaped shares must be positive for the anchors, non-negative for the "
                    + "rest, and add up to 1: " + first + "/" + lead + "/" + opportunity + "/" + rest);
        }
        this.first = first;
        this.lead = lead;
        this.opportunity = opportunity;
        this.rest = rest;
    }

    @Override
    public double[] weights(List<Touch> path, Instant conversionTime) {
        int n = path.size();
        int leadAt = -1;
        int opportunityAt = -1;
        for (int i = 0; i < n && (leadAt < 0 || opportunityAt < 0); i++) {
            Touch touch = path.get(i);
            if (leadAt < 0 && touch.has(Touch.Milestone.LEAD_CREATED)) {
                leadAt = i;
            }
            if (opportunityAt < 0 && touch.has(Touch.Milestone.OPPORTUNITY_CREATED)) {
                opportunityAt = i;
            }
        }
        double[] weights = new double[n];
        weights[0] += first;
        if (leadAt >= 0) {
            weights[leadAt] += lead;
        }
        if (opportunityAt >= 0) {
            weights[opportunityAt] += opportunity;
        }
        int others = 0;
        for (double weight : weights) {
            if (weight == 0) {
                others++;
            }
        }
        if (others > 0 && rest > 0) {
            double each = rest / others;
            for (int i = 0; i < n; i++) {
                if (weights[i] == 0) {
                    weights[i] = each;
                }
            }
        }
        return weights;
    }
}
