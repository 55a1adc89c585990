package io.closeloop.attribution.incrementality;

/**
 * Incrementality from a holdout: persons randomly assigned to an exposed arm (sees the campaign) and a
 * control arm (held out). Methods, each a standard large-sample interval:
 * <ul>
 *   <li><b>rate difference</b> p_e − p_c: Newcombe's hybrid score interval (his method 10, from the two
 *       Wilson score intervals; well behaved for rare conversions and small arms, unlike the Wald interval):
 *       {@code [d − √((p_e−l_e)² + (u_c−p_c)²), d + √((u_e−p_e)² + (p_c−l_c)²)]};</li>
 *   <li><b>incremental conversions</b> = n_e · (p_e − p_c), i.e. exposed minus control scaled to the exposed
 *       size; interval = n_e × the rate difference's;</li>
 *   <li><b>relative lift</b> p_e/p_c − 1: log-ratio (Katz) interval
 *       {@code exp(ln(p_e/p_c) ± z·√(1/x_e − 1/n_e + 1/x_c − 1/n_c)) − 1};</li>
 *   <li><b>revenue per person</b> difference: Welch's t interval with Welch–Satterthwaite degrees of
 *       freedom (persons without revenue count as 0); incremental revenue = n_e × that difference.</li>
 * </ul>
 * The level defaults to 95 %. Every arm needs at least two persons.
 */
public final class HoldoutEstimator {

    public static final double DEFAULT_LEVEL = 0.95;

    private final double level;
    private final double z;

    public HoldoutEstimator() {
        this(DEFAULT_LEVEL);
    }

    public HoldoutEstimator(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0, 1): " + level);
        }
        this.level = level;
        this.z = Quantiles.normal(1 - (1 - level) / 2);
    }

    public HoldoutEstimate estimate(Arm exposed, Arm control) {
        if (exposed.persons() < 2 || control.persons() < 2) {
            throw new IllegalArgumentException("each arm needs at least two persons: exposed " + exposed.persons()
                    + ", control " + control.persons());
        }
        double pe = exposed.conversionRate();
        double pc = control.conversionRate();
        double ne = exposed.persons();
        Interval we = wilson(exposed.converting(), exposed.persons());
        Interval wc = wilson(control.converting(), control.persons());
        double difference = pe - pc;
        Interval differenceInterval = new Interval(
                difference - Math.sqrt(square(pe - we.lower()) + square(wc.upper() - pc)),
                difference + Math.sqrt(square(we.upper() - pe) + square(pc - wc.lower())));

        Double lift = null;
        Interval liftInterval = null;
        if (exposed.converting() > 0 && control.converting() > 0) {
            double logRatio = Math.log(pe / pc);
            double se = Math.sqrt(1.0 / exposed.converting() - 1.0 / exposed.persons()
                    + 1.0 / control.converting() - 1.0 / control.persons());
            lift = pe / pc - 1;
            liftInterval = new Interval(Math.exp(logRatio - z * se) - 1, Math.exp(logRatio + z * se) - 1);
        }

        double revenueDifference = exposed.meanRevenue() - control.meanRevenue();
        Interval revenueInterval = welch(exposed, control, revenueDifference);
        return new HoldoutEstimate(level, pe, pc, difference, differenceInterval, ne * difference,
                differenceInterval.times(ne), lift, liftInterval, revenueDifference, revenueInterval,
                ne * revenueDifference, revenueInterval.times(ne));
    }

    /** Wilson's score interval for x successes out of n. */
    Interval wilson(long x, long n) {
        double p = (double) x / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    private Interval welch(Arm exposed, Arm control, double difference) {
        double ve = exposed.revenueVariance() / exposed.persons();
        double vc = control.revenueVariance() / control.persons();
        double se = Math.sqrt(ve + vc);
        if (se == 0) {
            return new Interval(difference, difference);
        }
        double df = square(ve + vc) / (square(ve) / (exposed.persons() - 1) + square(vc) / (control.persons() - 1));
        double t = Quantiles.studentT(1 - (1 - level) / 2, df);
        return new Interval(difference - t * se, difference + t * se);
    }

    private static double square(double x) {
        return x * x;
    }
}
