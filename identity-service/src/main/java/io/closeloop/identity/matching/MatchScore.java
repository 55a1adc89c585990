package io.closeloop.identity.matching;

/**
 * The comparison of two records.
 *
 * @param levels      the level of each comparison of the model, {@link Comparison#NULL} where missing
 * @param weight      match weight in bits: log2(λ/(1−λ)) + Σ log2(m/u) over the non-null levels
 * @param probability match probability 2^weight / (1 + 2^weight)
 */
public record MatchScore(int[] levels, double weight, double probability) {
}
