package io.closeloop.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComparisonPatternsTest {

    @Test
    void countsEachDistinctVectorInAFixedOrderHoweverManyThereAre() {
        ComparisonPatterns patterns = new ComparisonPatterns(2);
        for (int repeat = 0; repeat < 2; repeat++) {
            for (int a = 19; a >= -1; a--) {
                for (int b = 14; b >= 0; b--) {
                    patterns.add(new int[] {a, b}, a + 2);
                }
            }
        }
        assertThat(patterns.distinct()).isEqualTo(21 * 15);
        int[][] vectors = patterns.vectors();
        long[] counts = patterns.counts();
        assertThat(vectors[0]).containsExactly(-1, 0);
        assertThat(vectors[vectors.length - 1]).containsExactly(19, 14);
        long total = 0;
        for (int p = 0; p < vectors.length; p++) {
            assertThat(counts[p]).isEqualTo(2L * (vectors[p][0] + 2));
            total += counts[p];
        }
        assertThat(patterns.total()).isEqualTo(total);
    }
}
