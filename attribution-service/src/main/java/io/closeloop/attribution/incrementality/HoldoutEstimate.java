package io.closeloop.attribution.incrementality;

/**
 * What a holdout experiment says about a campaign, at confidence {@code level}.
 *
 * @param exposedRate conversion rate of the exposed arm (converting persons / persons)
 * @param controlRate conversion rate of the control arm
 * @param rateDifference {@code exposedRate − controlRate}, with its Newcombe hybrid-score interval
 * @param incrementalConversions {@code exposed conversions − control conversions × exposed/control persons}:
 *                               conversions the campaign caused among the exposed; interval = the rate
 *                               difference's × exposed persons
 * @param relativeLift {@code exposedRate / controlRate − 1}, with the log-ratio (Katz) interval; {@code null}
 *                     (interval too) when either arm has no conversion, where the ratio is undefined
 * @param revenuePerPersonDifference mean revenue per exposed person − per control person (minor units),
 *                                   with Welch's t interval
 * @param incrementalRevenueMinor {@code exposed revenue − control revenue × exposed/control persons} (minor
 *                                units, not rounded); interval = Welch's × exposed persons
 */
public record HoldoutEstimate(double level, double exposedRate, double controlRate,
                              double rateDifference, Interval rateDifferenceInterval,
                              double incrementalConversions, Interval incrementalConversionsInterval,
                              Double relativeLift, Interval relativeLiftInterval,
                              double revenuePerPersonDifference, Interval revenuePerPersonDifferenceInterval,
                              double incrementalRevenueMinor, Interval incrementalRevenueInterval) {
}
