package io.closeloop.attribution.model;

/**
 * A sparse absorbing Markov chain over transient states {@code 0..n-1} (state 0 is the start) with two
 * absorbing states, conversion and null. {@link #conversionProbability} gives the exact probability of
 * being absorbed in conversion from the start, with a set of transient states "removed" (every
 * transition into them goes to null instead), by solving the linear system {@code x = Q x + c}.
 *
 * <ul>
 *   <li>Up to {@link #DENSE_LIMIT} kept states: Gaussian elimination with partial pivoting on
 *       {@code (I - Q) x = c}; exact up to floating-point rounding.</li>
 *   <li>Larger chains: Gauss-Seidel sweeps from zero for both the conversion probability {@code x} and
 *       the null probability {@code y}. Because {@code Q} and the right-hand sides are non-negative,
 *       both sequences increase monotonically towards the solution, and because absorption is certain
 *       (every state lies on an observed path that ends in conversion or null) {@code x + y = 1}; hence
 *       {@code x_k <= x <= 1 - y_k} at every sweep. Sweeps stop when that bracket at the start state is
 *       at most {@link #TOLERANCE} wide and the midpoint is returned: a proven error of at most
 *       {@code TOLERANCE / 2} (plus floating-point rounding), never a simulation.</li>
 * </ul>
 * Both are deterministic: the same chain gives bit-identical results.
 */
final class AbsorbingChain {

    static final int DENSE_LIMIT = 400;
    static final double TOLERANCE = 1e-12;
    private static final int MAX_SWEEPS = 10_000_000;

    private final int n;
    private final int[] rowStart;
    private final int[] column;
    private final double[] probability;
    private final double[] toConversion;
    private final double[] toNull;

    AbsorbingChain(int n, int[] rowStart, int[] column, double[] probability, double[] toConversion, double[] toNull) {
        this.n = n;
        this.rowStart = rowStart;
        this.column = column;
        this.probability = probability;
        this.toConversion = toConversion;
        this.toNull = toNull;
    }

    int size() {
        return n;
    }

    /** P(conversion | start) when the states flagged in {@code removed} lead to null (null array: none). */
    double conversionProbability(boolean[] removed) {
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (removed == null || !removed[i]) {
                kept++;
            }
        }
        return kept <= DENSE_LIMIT ? dense(removed, kept) : bracketed(removed);
    }

    double conversionProbabilityDense(boolean[] removed) {
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (removed == null || !removed[i]) {
                kept++;
            }
        }
        return dense(removed, kept);
    }

    double conversionProbabilityBracketed(boolean[] removed) {
        return bracketed(removed);
    }

    private double dense(boolean[] removed, int kept) {
        int[] index = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            index[i] = removed == null || !removed[i] ? k++ : -1;
        }
        double[][] a = new double[kept][kept + 1];
        for (int i = 0; i < n; i++) {
            int row = index[i];
            if (row < 0) {
                continue;
            }
            a[row][row] += 1.0;
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                int col = index[column[e]];
                if (col >= 0) {
                    a[row][col] -= probability[e];
                }
            }
            a[row][kept] = toConversion[i];
        }
        // Gaussian elimination with partial pivoting on the augmented matrix.
        for (int p = 0; p < kept; p++) {
            int pivot = p;
            for (int r = p + 1; r < kept; r++) {
                if (Math.abs(a[r][p]) > Math.abs(a[pivot][p])) {
                    pivot = r;
                }
            }
            double[] swap = a[p];
            a[p] = a[pivot];
            a[pivot] = swap;
            double diagonal = a[p][p];
            if (diagonal == 0) {
                throw new IllegalStateException("singular absorbing chain: a state never reaches absorption");
            }
            for (int r = p + 1; r < kept; r++) {
                double factor = a[r][p] / diagonal;
                if (factor != 0) {
                    double[] target = a[r];
                    double[] source = a[p];
                    for (int c = p; c <= kept; c++) {
                        target[c] -= factor * source[c];
                    }
                }
            }
        }
        double[] x = new double[kept];
        for (int r = kept - 1; r >= 0; r--) {
            double sum = a[r][kept];
            for (int c = r + 1; c < kept; c++) {
                sum -= a[r][c] * x[c];
            }
            x[r] = sum / a[r][r];
        }
        return index[0] < 0 ? 0 : clamp(x[index[0]]);
    }

    private double bracketed(boolean[] removed) {
        if (removed != null && removed[0]) {
            return 0;
        }
        double[] conv = new double[n];
        double[] nul = new double[n];
        if (removed != null) {
            for (int i = 0; i < n; i++) {
                if (removed[i]) {
                    nul[i] = 1.0;
                }
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            // Later states first, the start last: paths run from state 0 towards higher indices.
            for (int i = n - 1; i >= 0; i--) {
                if (removed != null && removed[i]) {
                    continue;
                }
                double self = 0;
                double x = toConversion[i];
                double y = toNull[i];
                for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                    int j = column[e];
                    if (j == i) {
                        self += probability[e];
                    } else {
                        x += probability[e] * conv[j];
                        y += probability[e] * nul[j];
                    }
                }
                conv[i] = x / (1.0 - self);
                nul[i] = y / (1.0 - self);
            }
            double gap = 1.0 - conv[0] - nul[0];
            if (gap <= TOLERANCE) {
                return clamp(conv[0] + Math.max(gap, 0) / 2);
            }
        }
        throw new IllegalStateException("absorbing chain did not converge");
    }

    private static double clamp(double p) {
        return p < 0 ? 0 : p > 1 ? 1 : p;
    }
}
