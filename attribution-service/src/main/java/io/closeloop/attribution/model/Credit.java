package io.closeloop.attribution.model;

/**
 * The part of a conversion one touch earned.
 *
 * @param touch the credited touch; {@code null} for the {@link #UNATTRIBUTED} line of a conversion
 *              that had no eligible touch
 */
public record Credit(Touch touch, long creditMinor, double fractionalConversions) {

    /**
     * The channel of a conversion with no eligible touch. Deliberately not {@code direct}: "direct" is
     * a touch we saw (a visit without campaign), this is the absence of any touch we may use.
     */
    public static final String UNATTRIBUTED = "unattributed";

    public static Credit unattributed(long valueMinor) {
        return new Credit(null, valueMinor, 1.0);
    }

    public boolean isUnattributed() {
        return touch == null;
    }

    public String channel() {
        return touch == null ? UNATTRIBUTED : touch.channel();
    }
}
