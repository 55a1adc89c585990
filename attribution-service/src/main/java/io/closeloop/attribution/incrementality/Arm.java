package io.closeloop.attribution.incrementality;

/**
 * One arm of a holdout experiment, summarized by what the estimator needs.
 *
 * @param persons persons assigned to the arm
 * @param converting persons of the arm who converted at least once in the period
 * @param revenueMinor their total revenue in the period (minor units of the tenant's base currency)
 * @param revenueSquares the sum over the arm's persons of (revenue per person)² in minor units², for the
 *                       revenue variance (a double: it exceeds a long for large arms)
 */
public record Arm(long persons, long converting, long revenueMinor, double revenueSquares) {

    public Arm {
        if (persons < 0 || converting < 0 || converting > persons || revenueMinor < 0 || !(revenueSquares >= 0)) {
            throw new IllegalArgumentException("an arm needs 0 <= converting <= persons and non-negative revenue: "
                    + persons + ", " + converting + ", " + revenueMinor + ", " + revenueSquares);
        }
    }

    /** An arm from each converting person's revenue; the other {@code persons - length} persons had none. */
    public static Arm of(long persons, long[] revenuePerConvertingPerson) {
        long sum = 0;
        double squares = 0;
        for (long revenue : revenuePerConvertingPerson) {
            sum = Math.addExact(sum, revenue);
            squares += (double) revenue * revenue;
        }
        return new Arm(persons, revenuePerConvertingPerson.length, sum, squares);
    }

    double conversionRate() {
        return (double) converting / persons;
    }

    double meanRevenue() {
        return (double) revenueMinor / persons;
    }

    /** Sample variance of revenue per person (n − 1 in the denominator). */
    double revenueVariance() {
        double mean = meanRevenue();
        return Math.max(0, (revenueSquares - persons * mean * mean) / (persons - 1));
    }
}
