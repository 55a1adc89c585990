package io.closeloop.bench;

import io.closeloop.attribution.model.AggregatedPaths;
import io.closeloop.attribution.model.AttributionModel;
import io.closeloop.attribution.model.Attributor;
import io.closeloop.attribution.model.Conversion;
import io.closeloop.attribution.model.Credit;
import io.closeloop.attribution.model.MarkovFit;
import io.closeloop.attribution.model.MarkovStatistics;
import io.closeloop.attribution.model.PathRecord;
import io.closeloop.attribution.model.RuleBasedModels;
import io.closeloop.attribution.model.ShapleyFit;
import io.closeloop.attribution.model.ShapleyStatistics;
import io.closeloop.attribution.model.Touch;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Times the attribution model core on 1M synthetic journeys over 12 channels (see {@link JourneyGenerator}),
 * read from the aggregated path file ChannelAttribution uses. Prints figures; asserts nothing.
 *
 * <p>Arguments: {@code --journeys N} (1000000), {@code --streaming N} conversions for the streaming path
 * (300000), {@code --runs N} timed runs after warm-up (5), {@code --seed N}, {@code --file PATH}
 * (bench/target/paths-1m.csv).
 */
public final class AttributionBench {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private AttributionBench() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>(Map.of("--journeys", "1000000", "--streaming", "300000",
                "--runs", "5", "--seed", "20261123", "--file", "bench/target/paths-1m.csv"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int journeys = Integer.parseInt(options.get("--journeys"));
        int streaming = Integer.parseInt(options.get("--streaming"));
        int runs = Integer.parseInt(options.get("--runs"));
        long seed = Long.parseLong(options.get("--seed"));
        Path file = Path.of(options.get("--file"));

        System.out.printf(Locale.ROOT, "JVM %s, %d cores, max heap %d MiB, GC %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());

        // 1. Generate and write the aggregated path file (not timed as model work).
        long start = System.nanoTime();
        List<PathRecord> generated = JourneyGenerator.aggregate(seed, journeys);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            AggregatedPaths.write(writer, generated);
        }
        long conversions = generated.stream().mapToLong(PathRecord::conversions).sum();
        long nulls = generated.stream().mapToLong(PathRecord::nulls).sum();
        System.out.printf(Locale.ROOT, "generated %,d journeys (%,d converting, %,d not) as %,d distinct paths in %s "
                        + "(%.1f MiB): %.0f ms%n", conversions + nulls, conversions, nulls, generated.size(), file,
                Files.size(file) / 1048576.0, ms(System.nanoTime() - start));
        generated = null;

        // 2. Order-1 work: read the file, Markov order 1, Shapley, every rule-based model over all journeys.
        List<AttributionModel> rules = RuleBasedModels.defaults(1);
        System.out.println("\nwarm-up (3 runs of the order-1 work) ...");
        for (int i = 0; i < 3; i++) {
            orderOneRun(file, rules, false);
        }
        System.out.printf(Locale.ROOT, "%nall order-1 work, %d timed runs after warm-up (ms):%n", runs);
        System.out.println("  run   read+parse   markov-o1   shapley   7 rule models   total   peak heap (MiB)");
        double[] totals = new double[runs];
        long worstPeak = 0;
        for (int r = 0; r < runs; r++) {
            System.gc();
            resetPeaks();
            double[] t = orderOneRun(file, rules, r == runs - 1);
            long peak = peakHeap();
            worstPeak = Math.max(worstPeak, peak);
            totals[r] = t[4];
            System.out.printf(Locale.ROOT, "  %3d   %10.1f   %9.1f   %7.1f   %13.1f   %5.1f   %d%n", r + 1, t[0], t[1],
                    t[2], t[3], t[4], peak >> 20);
        }
        double[] sorted = totals.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  median total %.1f ms, best %.1f ms, worst peak heap %d MiB "
                + "(target: < 400 ms, < 512 MiB)%n", sorted[runs / 2], sorted[0], worstPeak >> 20);

        // 2b. The same work in one streaming pass over the file (no list of records kept).
        for (int i = 0; i < 3; i++) {
            singlePass(file, rules);
        }
        System.out.printf(Locale.ROOT, "%nall order-1 work in one streaming pass (read, Markov o1, Shapley, 7 rule models "
                + "together), %d timed runs after warm-up:%n", runs);
        double[] single = new double[runs];
        long singlePeak = 0;
        for (int r = 0; r < runs; r++) {
            System.gc();
            resetPeaks();
            single[r] = singlePass(file, rules);
            singlePeak = Math.max(singlePeak, peakHeap());
        }
        double[] singleSorted = single.clone();
        Arrays.sort(singleSorted);
        System.out.printf(Locale.ROOT, "  runs %s ms; median %.1f ms, best %.1f ms, worst peak heap %d MiB%n",
                Arrays.stream(single).mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).toList(),
                singleSorted[runs / 2], singleSorted[0], singlePeak >> 20);

        // 3. Orders 2 and 3.
        List<PathRecord> records = read(file);
        for (int order = 2; order <= 3; order++) {
            markov(records, order);
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            MarkovFit fit = markov(records, order);
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%nMarkov order %d (after warm-up, file already parsed): %.1f ms, %d states, "
                    + "P(conv) %.6f, peak heap %d MiB%n  weights %s%n", order, ms(t1 - t0), fit.states(),
                    fit.conversionProbability(), peakHeap() >> 20, rounded(fit.weights()));
        }

        // 4. Streaming: one conversion at a time through the Attributor, all rule-based models (then all models).
        records = null;
        MarkovStatistics o1 = new MarkovStatistics(1);
        ShapleyStatistics sh = new ShapleyStatistics();
        AggregatedPaths.read(reader(file), record -> {
            o1.add(record);
            sh.add(record);
        });
        List<AttributionModel> all = new ArrayList<>(rules);
        all.add(o1.fit().model(1));
        all.add(sh.fit().model(1));
        Attributor attributor = new Attributor(Duration.ofDays(90));
        List<StreamedConversion> stream = streamingConversions(seed + 1, streaming);
        System.out.printf(Locale.ROOT, "%nstreaming: %,d conversions (%.2f touches on average), one at a time%n",
                stream.size(), stream.stream().mapToInt(s -> s.touches.size()).average().orElse(0));
        for (List<AttributionModel> models : List.of(rules, all)) {
            for (int i = 0; i < 3; i++) {
                stream(attributor, models, stream.subList(0, Math.min(stream.size(), 100_000)));
            }
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            long checksum = stream(attributor, models, stream);
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "  %d models %s: %,.0f conversions/s (%,.0f credit sets/s), %.1f ms, "
                            + "peak heap %d MiB, checksum %d%n", models.size(),
                    models.size() == rules.size() ? "(rule-based)" : "(rule-based + Markov o1 + Shapley)",
                    stream.size() / ((t1 - t0) / 1e9), stream.size() * models.size() / ((t1 - t0) / 1e9),
                    ms(t1 - t0), peakHeap() >> 20, checksum);
        }
        printGc();
    }

    /** [read, markov, shapley, rules, total] in ms. */
    private static double[] orderOneRun(Path file, List<AttributionModel> rules, boolean print) {
        long t0 = System.nanoTime();
        List<PathRecord> records = read(file);
        long t1 = System.nanoTime();
        MarkovFit markov = markov(records, 1);
        long t2 = System.nanoTime();
        ShapleyStatistics shapleyStatistics = new ShapleyStatistics();
        for (PathRecord record : records) {
            shapleyStatistics.add(record);
        }
        ShapleyFit shapley = shapleyStatistics.fit();
        long t3 = System.nanoTime();
        Map<String, double[]> ruleCredit = rules(records, rules);
        long t4 = System.nanoTime();
        if (print) {
            System.out.printf(Locale.ROOT, "  Markov o1: %d states, P(conv) %.6f, weights %s%n", markov.states(),
                    markov.conversionProbability(), rounded(markov.weights()));
            System.out.printf(Locale.ROOT, "  Shapley (%s, exact=%s): weights %s%n", shapley.options().value(),
                    shapley.exact(), rounded(shapley.weights()));
            for (int m = 0; m < rules.size(); m++) {
                Map<String, Double> shares = new java.util.TreeMap<>();
                double sum = 0;
                for (double[] c : ruleCredit.values()) {
                    sum += c[m];
                }
                for (Map.Entry<String, double[]> e : ruleCredit.entrySet()) {
                    shares.put(e.getKey(), e.getValue()[m] / sum);
                }
                System.out.printf(Locale.ROOT, "  %s conversion shares %s%n", rules.get(m).id(), rounded(shares));
            }
        }
        return new double[] {ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t4 - t0)};
    }

    /** Read, Markov order 1, Shapley and the rule-based models in one pass; returns ms. */
    private static double singlePass(Path file, List<AttributionModel> rules) {
        long t0 = System.nanoTime();
        MarkovStatistics markov = new MarkovStatistics(1);
        ShapleyStatistics shapley = new ShapleyStatistics();
        RuleCredit ruleCredit = new RuleCredit(rules);
        try (Reader reader = reader(file)) {
            AggregatedPaths.read(reader, record -> {
                markov.add(record);
                shapley.add(record);
                ruleCredit.add(record);
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        MarkovFit markovFit = markov.fit();
        ShapleyFit shapleyFit = shapley.fit();
        long t1 = System.nanoTime();
        if (markovFit.weights().size() != shapleyFit.weights().size() || ruleCredit.credit.size() != 12) {
            throw new IllegalStateException("unexpected channels");
        }
        return ms(t1 - t0);
    }

    private static MarkovFit markov(List<PathRecord> records, int order) {
        MarkovStatistics statistics = new MarkovStatistics(order);
        for (PathRecord record : records) {
            statistics.add(record);
        }
        return statistics.fit();
    }

    /**
     * Every rule-based model over all journeys of the file: the journeys of one path share their weights
     * (touches one day apart, the last one day before the conversion), so each distinct path is weighed once
     * and its conversions are credited to channels. Returns channel → conversions per model.
     */
    private static Map<String, double[]> rules(List<PathRecord> records, List<AttributionModel> models) {
        RuleCredit credit = new RuleCredit(models);
        for (PathRecord record : records) {
            credit.add(record);
        }
        return credit.credit;
    }

    /** Channel → conversions credited, per model. */
    private static final class RuleCredit {
        final Map<String, double[]> credit = new HashMap<>();
        final List<AttributionModel> models;
        final UUID[] ids = new UUID[JourneyGenerator.MAX_LENGTH + 1];
        final Instant[] times = new Instant[JourneyGenerator.MAX_LENGTH + 1];
        final List<Touch> path = new ArrayList<>(JourneyGenerator.MAX_LENGTH);

        RuleCredit(List<AttributionModel> models) {
            this.models = models;
            for (int i = 0; i < ids.length; i++) {
                ids[i] = new UUID(0, i + 1);
                times[i] = NOW.minus(Duration.ofDays(ids.length - i));
            }
        }

        void add(PathRecord record) {
            if (record.conversions() == 0) {
                return;
            }
            List<String> channels = record.channels();
            int n = channels.size();
            path.clear();
            double[][] channelCredit = new double[n][];
            for (int i = 0; i < n; i++) {
                int slot = ids.length - n + i;
                path.add(new Touch(ids[slot], times[slot], channels.get(i), null, null, null, true));
                channelCredit[i] = credit.computeIfAbsent(channels.get(i), c -> new double[models.size()]);
            }
            for (int m = 0; m < models.size(); m++) {
                double[] weights = models.get(m).weights(path, NOW);
                double sum = 0;
                for (double w : weights) {
                    sum += w;
                }
                for (int i = 0; i < n; i++) {
                    channelCredit[i][m] += weights[i] / sum * record.conversions();
                }
            }
        }
    }

    private static long stream(Attributor attributor, List<AttributionModel> models, List<StreamedConversion> stream) {
        long checksum = 0;
        for (StreamedConversion conversion : stream) {
            for (List<Credit> credits : attributor.attributeAll(models, conversion.conversion, conversion.touches)) {
                checksum += credits.size() + credits.get(credits.size() - 1).creditMinor();
            }
        }
        return checksum;
    }

    private record StreamedConversion(Conversion conversion, List<Touch> touches) {
    }

    /** Converting journeys from the same generator with real times (up to 60 days back) and some CRM milestones. */
    private static List<StreamedConversion> streamingConversions(long seed, int count) {
        JourneyGenerator generator = new JourneyGenerator(seed);
        SplittableRandom random = generator.random();
        List<StreamedConversion> result = new ArrayList<>(count);
        int serial = 0;
        while (result.size() < count) {
            int[] path = generator.nextPath();
            Instant at = NOW.plusSeconds(serial * 37L);
            List<Touch> touches = new ArrayList<>(path.length);
            long back = 0;
            for (int i = path.length - 1; i >= 0; i--) {
                back += 60 + random.nextLong(5L * 24 * 3600);
                EnumSet<Touch.Milestone> milestones = EnumSet.noneOf(Touch.Milestone.class);
                if (random.nextInt(10) == 0) {
                    milestones.add(Touch.Milestone.LEAD_CREATED);
                }
                if (random.nextInt(20) == 0) {
                    milestones.add(Touch.Milestone.OPPORTUNITY_CREATED);
                }
                touches.add(new Touch(new UUID(random.nextLong(), random.nextLong()), at.minusSeconds(back),
                        JourneyGenerator.CHANNELS[path[i]], "src", "medium", "campaign", true, milestones));
            }
            result.add(new StreamedConversion(new Conversion("c-" + serial++, at, "completed", generator.valueMinor(),
                    "EUR"), touches));
        }
        return result;
    }

    private static List<PathRecord> read(Path file) {
        try (Reader reader = reader(file)) {
            return AggregatedPaths.read(reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Reader reader(Path file) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peak usage since the last reset (an upper bound of the heap's peak). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void printGc() {
        System.out.println();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            System.out.printf(Locale.ROOT, "GC %s: %d collections, %d ms in total%n", gc.getName(),
                    gc.getCollectionCount(), gc.getCollectionTime());
        }
    }

    private static String rounded(Map<String, Double> weights) {
        StringBuilder text = new StringBuilder("{");
        new java.util.TreeMap<>(weights).forEach((k, v) ->
                text.append(text.length() > 1 ? ", " : "").append(k).append('=')
                        .append(String.format(Locale.ROOT, "%.4f", v)));
        return text.append('}').toString();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

}
