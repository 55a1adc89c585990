package io.closeloop.bench;

import io.closeloop.attribution.model.PathRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded synthetic journeys over 12 channels: length geometric with mean 3 (capped at 20), channel
 * popularity Zipf-like, a repeat of the previous channel with probability {@value #REPEAT}, and a
 * conversion probability that grows with the touches (each channel has its own per-touch lift), so
 * most journeys do not convert.
 */
final class JourneyGenerator {

    static final String[] CHANNELS = {"paid_search", "organic_search", "direct", "email", "paid_social",
            "organic_social", "display", "affiliate", "referral", "video", "sms", "push"};
    static final double REPEAT = 0.3;
    static final double MEAN_LENGTH = 3.0;
    static final int MAX_LENGTH = 20;

    private final SplittableRandom random;
    private final double[] cumulative = new double[CHANNELS.length];
    private final double[] lift = new double[CHANNELS.length];

    JourneyGenerator(long seed) {
        random = new SplittableRandom(seed);
        double total = 0;
        for (int i = 0; i < CHANNELS.length; i++) {
            total += 1.0 / Math.pow(i + 1, 0.9);
            cumulative[i] = total;
            lift[i] = 0.01 + 0.004 * ((i * 7) % 12);
        }
        for (int i = 0; i < CHANNELS.length; i++) {
            cumulative[i] /= total;
        }
    }

    /** Channel indices of the next journey. */
    int[] nextPath() {
        // geometric on {1, 2, ...} with mean 3: success probability 1/3
        int length = 1;
        while (length < MAX_LENGTH && random.nextDouble() >= 1.0 / MEAN_LENGTH) {
            length++;
        }
        int[] path = new int[length];
        for (int i = 0; i < length; i++) {
            path[i] = i > 0 && random.nextDouble() < REPEAT ? path[i - 1] : popular();
        }
        return path;
    }

    boolean converts(int[] path) {
        double notConverting = 0.97;
        for (int channel : path) {
            notConverting *= 1 - lift[channel];
        }
        return random.nextDouble() >= notConverting;
    }

    /** A conversion value in minor units, 5.00 to about 500.00. */
    long valueMinor() {
        return 500 + (long) (Math.exp(random.nextDouble() * 4.6) * 500);
    }

    SplittableRandom random() {
        return random;
    }

    private int popular() {
        double u = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** Generates {@code journeys} journeys and aggregates them by path, in order of first appearance. */
    static List<PathRecord> aggregate(long seed, int journeys) {
        JourneyGenerator generator = new JourneyGenerator(seed);
        Map<String, long[]> counts = new HashMap<>();
        Map<String, double[]> values = new HashMap<>();
        List<String> order = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        for (int j = 0; j < journeys; j++) {
            int[] path = generator.nextPath();
            key.setLength(0);
            for (int i = 0; i < path.length; i++) {
                if (i > 0) {
                    key.append(" > ");
                }
                key.append(CHANNELS[path[i]]);
            }
            String text = key.toString();
            long[] c = counts.get(text);
            if (c == null) {
                c = new long[2];
                counts.put(text, c);
                values.put(text, new double[1]);
                order.add(text);
            }
            if (generator.converts(path)) {
                c[0]++;
                values.get(text)[0] += generator.valueMinor() / 100.0;
            } else {
                c[1]++;
            }
        }
        List<PathRecord> records = new ArrayList<>(order.size());
        for (String text : order) {
            long[] c = counts.get(text);
            double value = Math.round(values.get(text)[0] * 100) / 100.0;
            records.add(new PathRecord(List.of(text.split(" > ")), c[0], value, c[1]));
        }
        return records;
    }
}
