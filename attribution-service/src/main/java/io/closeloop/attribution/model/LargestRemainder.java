package io.closeloop.attribution.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an amount of minor units by weights so that the parts add up to the amount exactly
 * (Hamilton's largest-remainder method): every part gets the floor of its exact share, and the units
 * left over go one each to the parts with the largest fractional remainders. Equal remainders favour
 * the later position, i.e. the touch nearer the conversion. The arithmetic is decimal, so amounts up to
 * {@code Long.MAX_VALUE} do not lose precision the way doubles would.
 */
public final class LargestRemainder {

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private LargestRemainder() {
    }

    public static long[] allocate(long amount, double[] weights) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        int positive = 0;
        boolean equal = true;
        double first = 0;
        for (double weight : weights) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weights must be finite and non-negative: " + weight);
            }
            if (weight > 0) {
                if (positive++ == 0) {
                    first = weight;
                } else if (weight != first) {
                    equal = false;
                }
            }
        }
        if (positive == 0) {
            throw new IllegalArgumentException("weights must have a positive sum");
        }
        return equal ? allocateEqually(amount, weights, positive) : allocateDecimal(amount, weights);
    }

    /**
     * The shortcut for equal positive weights (one touch taking everything, or linear), with the result of
     * the decimal computation: every positive part's exact share is {@code amount / k}, so each gets the
     * floor and, the remainders being equal, the {@code amount mod k} units left go to the last positive parts.
     */
    static long[] allocateEqually(long amount, double[] weights, int positive) {
        long[] parts = new long[weights.length];
        long each = amount / positive;
        long left = amount % positive;
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                parts[i] = each + (left-- > 0 ? 1 : 0);
            }
        }
        return parts;
    }

    static long[] allocateDecimal(long amount, double[] weights) {
        BigDecimal[] decimals = new BigDecimal[weights.length];
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < weights.length; i++) {
            decimals[i] = BigDecimal.valueOf(weights[i]);
            total = total.add(decimals[i]);
        }
        long[] parts = new long[weights.length];
        List<Remainder> remainders = new ArrayList<>(weights.length);
        long allocated = 0;
        BigDecimal whole = BigDecimal.valueOf(amount);
        for (int i = 0; i < weights.length; i++) {
            BigDecimal exact = whole.multiply(decimals[i]).divide(total, PRECISION);
            BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
            parts[i] = floor.longValueExact();
            allocated += parts[i];
            if (weights[i] > 0) {
                remainders.add(new Remainder(i, exact.subtract(floor)));
            }
        }
        remainders.sort(Comparator.comparing(Remainder::fraction).reversed()
                .thenComparing(Comparator.comparingInt(Remainder::index).reversed()));
        long left = amount - allocated;
        for (int i = 0; left > 0; i++, left--) {
            parts[remainders.get(i % remainders.size()).index()]++;
        }
        return parts;
    }

    private record Remainder(int index, BigDecimal fraction) {
    }
}
