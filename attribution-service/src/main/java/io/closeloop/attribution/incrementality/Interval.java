package io.closeloop.attribution.incrementality;

/** A confidence interval; {@code lower <= upper}. */
public record Interval(double lower, double upper) {

    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    Interval times(double factor) {
        return factor >= 0 ? new Interval(lower * factor, upper * factor) : new Interval(upper * factor, lower * factor);
    }
}
