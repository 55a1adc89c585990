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
        BigDecimal total = BigDecimal.ZERO;
        for (double weight : weights) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weights must be finite and non-negative: " + weight);
            }
            total = total.add(BigDecimal.valueOf(weight));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("weights must have a positive sum");
        }
        long[] parts = new long[weights.length];
        List<Remainder> remainders = new ArrayList<>(weights.length);
        long allocated = 0;
        BigDecimal whole = BigDecimal.valueOf(amount);
        for (int i = 0; i < weights.length; i++) {
            BigDecimal exact = whole.multiply(BigDecimal.valueOf(weights[i])).divide(total, PRECISION);
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
