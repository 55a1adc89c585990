package io.closeloop.bench;

import io.closeloop.identity.matching.MatchFeatureNormalizer;
import io.closeloop.identity.matching.MatchModel;
import io.closeloop.identity.matching.MatchModelFitter;
import io.closeloop.identity.matching.MatchRecord;
import io.closeloop.identity.matching.RecordLinker;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Times the probabilistic identity matcher: fit (random-pair u, EM sessions, λ) and linking every record
 * to its best earlier match, on seeded synthetic records. Prints figures, and the pairwise precision and
 * recall against the generator's truth as a sanity check; asserts nothing.
 *
 * <p>Arguments: {@code --persons N} (50000, about 2.5 records each), {@code --runs N} (3), {@code --seed N}.
 */
public final class MatchingBench {

    private static final String[] FIRST = {"james", "mary", "john", "patricia", "robert", "jennifer", "michael",
        "linda", "william", "elizabeth", "david", "barbara", "richard", "susan", "joseph", "jessica", "thomas",
        "sarah", "charles", "karen", "daniel", "lisa", "matthew", "nancy", "anthony", "betty", "mark", "sandra",
        "paul", "ashley", "steven", "emily", "andrew", "donna", "kevin", "michelle", "brian", "carol", "george",
        "amanda", "edward", "melissa", "ronald", "deborah", "timothy", "laura", "jason", "rebecca", "ryan", "anna",
        "jose", "sofia", "wei", "yuki", "priya", "arjun", "olga", "dmitri", "ingrid", "fatima", "luis", "emma"};
    private static final String[] LAST_STEMS = {"smith", "john", "will", "brown", "jones", "garc", "mill", "dav",
        "rod", "mart", "hern", "lop", "gonz", "wil", "ander", "thom", "tay", "moor", "jack", "lee", "per", "harr",
        "sanch", "clark", "ram", "lew", "rob", "walk", "young", "all", "king", "wright", "scott", "torr", "nguy",
        "hill", "flor", "green", "adam", "nels", "bak", "hall", "riv", "camp", "mitch", "cart", "schm", "schn",
        "fisch", "web", "mey", "wagn", "beck", "hoff", "dub", "mor", "laur", "gir", "ross", "russ", "ferr", "bian"};
    private static final String[] LAST_ENDINGS = {"", "son", "er", "ley", "ton", "field", "wood", "man", "s", "berg",
        "ford", "well", "by", "ham", "stein", "ini", "ez", "sen", "ov", "ski", "dale", "a", "o", "ing"};

    private record Labelled(MatchRecord record, int person) {
    }

    private MatchingBench() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>(Map.of("--persons", "50000", "--runs", "3", "--seed", "20261123"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int persons = Integer.parseInt(options.get("--persons"));
        int runs = Integer.parseInt(options.get("--runs"));
        List<Labelled> labelled = generate(persons, Long.parseLong(options.get("--seed")));
        List<MatchRecord> records = labelled.stream().map(Labelled::record).toList();
        System.out.printf(Locale.ROOT, "%d records of %d persons%n", records.size(), persons);
        MatchModel model = null;
        for (int run = 0; run <= runs; run++) {
            System.gc();
            resetPeaks();
            MatchModelFitter fitter = MatchModelFitter.withDefaults();
            long t0 = System.nanoTime();
            model = fitter.fit(records);
            long t1 = System.nanoTime();
            long peakFit = peakHeap();
            System.gc();
            resetPeaks();
            RecordLinker linker = new RecordLinker(model, fitter.blocking(), RecordLinker.DEFAULT_THRESHOLD);
            long t2 = System.nanoTime();
            int[] parent = new int[records.size()];
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < records.size(); i++) {
                var link = linker.link(records.get(i));
                parent[i] = link.map(l -> root(parent, position.get(l.recordId()))).orElse(i);
                position.put(records.get(i).id(), i);
            }
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%s fit %.0f ms (%d candidate pairs, peak heap %d MiB), link %.0f ms "
                            + "(%.0f records/s, peak heap %d MiB)%n", run == 0 ? "warm-up" : "run " + run,
                    (t1 - t0) / 1e6, model.candidatePairs(), peakFit >> 20, (t3 - t2) / 1e6,
                    records.size() / ((t3 - t2) / 1e9), peakHeap() >> 20);
            if (run == runs) {
                printAccuracy(labelled, parent);
            }
        }
        System.out.print(model);
    }

    private static void printAccuracy(List<Labelled> labelled, int[] parent) {
        Map<Integer, Long> byPerson = new HashMap<>();
        Map<Integer, Long> byCluster = new HashMap<>();
        Map<Long, Long> byBoth = new HashMap<>();
        for (int i = 0; i < parent.length; i++) {
            int cluster = root(parent, i);
            byPerson.merge(labelled.get(i).person(), 1L, Long::sum);
            byCluster.merge(cluster, 1L, Long::sum);
            byBoth.merge(((long) labelled.get(i).person() << 32) | cluster, 1L, Long::sum);
        }
        long truth = pairs(byPerson);
        long predicted = pairs(byCluster);
        long correct = pairs(byBoth);
        System.out.printf(Locale.ROOT, "pairwise precision %.4f, recall %.4f at threshold %.2f%n",
                (double) correct / predicted, (double) correct / truth, RecordLinker.DEFAULT_THRESHOLD);
    }

    private static long pairs(Map<?, Long> sizes) {
        return sizes.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    /** Persons with an employer (domain, office postcode and network), 1–4 records each, typos and gaps. */
    private static List<Labelled> generate(int persons, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int companies = Math.max(10, persons / 15);
        List<Labelled> records = new ArrayList<>();
        Instant start = Instant.parse("2026-09-01T08:00:00Z");
        for (int p = 0; p < persons; p++) {
            String first = FIRST[skewed(random, FIRST.length)];
            String last = LAST_STEMS[skewed(random, LAST_STEMS.length)] + LAST_ENDINGS[random.nextInt(LAST_ENDINGS.length)];
            int company = skewed(random, companies);
            String home = "h" + random.nextInt(5000) + " " + random.nextInt(10) + "aa";
            String homeNet = "10." + random.nextInt(256) + "." + random.nextInt(256);
            String agent = "ua" + skewed(random, 40);
            Instant at = start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
            int copies = 1 + random.nextInt(4);
            for (int c = 0; c < copies; c++) {
                at = at.plus(Duration.ofMinutes(random.nextBoolean() ? random.nextInt(20) : 1440 * (1 + random.nextInt(40))));
                boolean atWork = random.nextDouble() < 0.85;
                String postcode = random.nextDouble() < 0.1 ? null : atWork ? "c" + company + " 1ab" : home;
                String ip = random.nextDouble() < 0.25 ? null
                        : (atWork ? "172." + (company >> 8) + "." + (company & 0xff) : homeNet) + "." + random.nextInt(256);
                records.add(new Labelled(MatchFeatureNormalizer.normalize(p + "-" + c,
                        random.nextDouble() < 0.03 ? null : typo(random, first),
                        random.nextDouble() < 0.02 ? null : typo(random, last),
                        random.nextDouble() < 0.2 ? null : first + "." + last + "@company" + company + ".com",
                        postcode, ip, ip == null ? null : agent, at), p));
            }
        }
        return records;
    }

    private static String typo(SplittableRandom random, String s) {
        if (s.length() < 3 || random.nextDouble() >= 0.2) {
            return s;
        }
        int at = 1 + random.nextInt(s.length() - 1);
        return s.substring(0, at) + (char) ('a' + random.nextInt(26)) + s.substring(at + 1);
    }

    private static int skewed(SplittableRandom random, int size) {
        double draw = random.nextDouble() * 2 * Math.sqrt(size);
        return Math.min(size - 1, (int) (draw * draw / 4));
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
