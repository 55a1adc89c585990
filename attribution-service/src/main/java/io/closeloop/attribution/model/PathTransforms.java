package io.closeloop.attribution.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Fractribution-style path transforms, applied to the eligible touches of a journey (already in
 * {@link Touch#JOURNEY_ORDER}) before any model weighs them, and to the paths the data-driven fits count.
 * When both are on, direct touches are dropped first and repeats collapsed second, so
 * {@code email > direct > email} becomes {@code email}: the direct visit between two emails is the noise
 * the tenant asked to ignore. Neither transform ever empties a non-empty path.
 */
public final class PathTransforms {

    private PathTransforms() {
    }

    public static List<Touch> apply(AttributionOptions options, List<Touch> path) {
        List<Touch> result = path;
        if (options.dropDirectUnlessAlone()) {
            result = dropDirectUnlessAlone(result);
        }
        if (options.collapseRepeats()) {
            result = collapseRepeats(result);
        }
        return result;
    }

    /**
     * Consecutive touches of the same channel (compared exactly) collapse into the first touch of the run:
     * {@code a > a > b > a} becomes {@code a > b > a}. The kept touch is the earliest of the run, so its
     * time and campaign are the ones that started the run.
     */
    public static List<Touch> collapseRepeats(List<Touch> path) {
        List<Touch> result = new ArrayList<>(path.size());
        for (Touch touch : path) {
            if (result.isEmpty() || !result.get(result.size() - 1).channel().equals(touch.channel())) {
                result.add(touch);
            }
        }
        return result.size() == path.size() ? path : result;
    }

    /**
     * Removes touches of channel {@code direct} (ignoring case, as {@link LastNonDirectModel}) unless every
     * touch of the path is direct, in which case the path stays as it is.
     */
    public static List<Touch> dropDirectUnlessAlone(List<Touch> path) {
        List<Touch> result = new ArrayList<>(path.size());
        for (Touch touch : path) {
            if (!isDirect(touch.channel())) {
                result.add(touch);
            }
        }
        return result.isEmpty() || result.size() == path.size() ? path : result;
    }

    static boolean isDirect(String channel) {
        return LastNonDirectModel.DIRECT.equalsIgnoreCase(channel);
    }
}
