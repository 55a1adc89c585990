package io.closeloop.attribution.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A touch weighs {@code 2^(-age / halfLife)}, its age being the time from the touch to the conversion:
 * a touch one half-life older than another weighs half as much. Default half-life 7 days.
 *
 * <p>Only ratios matter, so the weights are computed relative to the youngest touch of the path
 * ({@code 2^(-(age - youngestAge) / halfLife)}, the youngest weighing 1): identical shares, and no path
 * can underflow to all-zero weights however short the half-life.
 */
public final class TimeDecayModel extends NamedModel {

    public static final String ID = "time_decay";
    public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(7);

    private final Duration halfLife;
    private final double halfLifeSeconds;

    public TimeDecayModel(int configVersion) {
        this(configVersion, DEFAULT_HALF_LIFE);
    }

    public TimeDecayModel(int configVersion, Duration halfLife) {
        super(ID, configVersion);
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("half-life must be positive: " + halfLife);
        }
        this.halfLife = halfLife;
        this.halfLifeSeconds = halfLife.toNanos() / 1e9;
    }

    public Duration halfLife() {
        return halfLife;
    }

    @Override
    public double[] weights(List<Touch> path, Instant conversionTime) {
        int n = path.size();
        double[] ages = new double[n];
        double youngest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            Duration age = Duration.between(path.get(i).at(), conversionTime);
            ages[i] = age.getSeconds() + age.getNano() / 1e9;
            youngest = Math.min(youngest, ages[i]);
        }
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = Math.pow(2.0, -(ages[i] - youngest) / halfLifeSeconds);
        }
        return weights;
    }
}
