package io.closeloop.identity.matching;

/**
 * The model a tenant links with until its first stored fit: m and u as {@link MatchModelFitter} estimated them
 * on 20,106 encoded person records of the matching benchmark's generator ({@code bench/PersonRecords}, seed 7;
 * typos, nicknames, swapped names, changed postcodes, US surname frequencies), and a conservative λ of 1e-4
 * (prior weight −13.3 bits): a namesake in another postcode stays below the default threshold, a typo in a name
 * with the same last name and postcode links. No term frequencies: an exact name match counts its level's
 * average weight.
 */
public final class DefaultMatchModel {

    private static final double LAMBDA = 1e-4;
    private static final double[][] M = {
            {0.6945, 0.09490, 0.08999, 0.04996, 0.07065},
            {0.7689, 0.1539, 0.06870, 0.008419},
            {0.3185, 0.0001916, 0.04437, 0.01838, 0.00009628, 0.00009628, 0.05247, 0.0008048, 0.3436, 0.00009628,
                    0.2214}};
    private static final double[][] U = {
            {0.01785, 0.001927, 0.003371, 0.00001039, 0.9768},
            {0.0005141, 0.0005453, 0.006206, 0.9927},
            {0.00004630, 0.000005144, 0.0005607, 0.00003086, 0.000005144, 0.00001543, 0.2345, 0.009110, 0.00003086,
                    0.00008231, 0.7557}};
    private static final MatchModel MODEL = new MatchModel(MatchModelFitter.defaultComparisons(), LAMBDA, M, U, 0,
            true, 0);

    private DefaultMatchModel() {
    }

    public static MatchModel get() {
        return MODEL;
    }
}
