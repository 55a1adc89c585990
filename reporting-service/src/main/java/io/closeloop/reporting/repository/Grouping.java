package io.closeloop.reporting.repository;

import io.closeloop.reporting.metrics.Grain;

/** How a metric query groups: by channel, by channel and campaign, by period, by model and channel, or not at all. */
public record Grouping(boolean model, boolean channel, boolean campaign, Grain grain) {

    public static final Grouping TOTAL = new Grouping(false, false, false, null);
    public static final Grouping CHANNEL = new Grouping(false, true, false, null);
    public static final Grouping CAMPAIGN = new Grouping(false, true, true, null);
    public static final Grouping MODEL_CHANNEL = new Grouping(true, true, false, null);

    public static Grouping period(Grain grain) {
        return new Grouping(false, false, false, grain);
    }
}
