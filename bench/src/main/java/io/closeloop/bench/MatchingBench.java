package io.closeloop.bench;

import io.closeloop.contracts.MatchFeatureSet;
import io.closeloop.identity.domain.BlockingKeys;
import io.closeloop.identity.matching.Blocking;
import io.closeloop.identity.matching.ClearEncoding;
import io.closeloop.identity.matching.MatchModel;
import io.closeloop.identity.matching.MatchModelFitter;
import io.closeloop.identity.matching.MatchRecord;
import io.closeloop.identity.matching.RecordLinker;
import io.closeloop.ingest.domain.EmailNormalizer;
import io.closeloop.ingest.domain.MatchEncoding;
import io.closeloop.ingest.domain.MatchFeatures;
import io.closeloop.ingest.domain.TenantKey;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The probabilistic matcher on {@link PersonRecords}: records encoded by ingest's real encoding
 * ({@link MatchEncoding}, read back through identity's {@link BlockingKeys}), the same records without
 * company domain (names and postcode only), and the same matcher on clear values (bigram sets of the
 * clear strings, unkeyed phonetic codes). Prints pairwise precision, recall and F1 of the linked clusters
 * at the default threshold, the share of true pairs that blocking keeps, the calibration of the links'
 * probabilities, and fit and link time (wall clock, and CPU time of the bench thread, which other load on a
 * shared machine inflates less) and peak heap. Asserts nothing.
 *
 * <p>Arguments: {@code --records N} (100000, about two per person), {@code --seed N}.
 */
public final class MatchingBench {

    private static final TenantKey KEY = new TenantKey("bench-tenant-secret-0123456789ab".getBytes(StandardCharsets.UTF_8));
    private static final MatchEncoding ENCODING = new MatchEncoding(KEY);
    private static final DoubleMetaphone DOUBLE_METAPHONE = new DoubleMetaphone();
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private MatchingBench() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>(Map.of("--records", "100000", "--seed", "20261203"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int persons = Integer.parseInt(options.get("--records")) / 2;
        List<PersonRecords.Person> people = new PersonRecords(Long.parseLong(options.get("--seed"))).generate(persons);
        System.out.printf(Locale.ROOT, "%d records of %d persons%n", people.size(), persons);
        long e0 = System.nanoTime();
        List<MatchRecord> encoded = IntStream.range(0, people.size()).mapToObj(i -> encoded(i, people.get(i))).toList();
        System.out.printf(Locale.ROOT, "encoding at ingest: %.0f records/s%n", people.size() / ((System.nanoTime() - e0) / 1e9));
        int[] truth = people.stream().mapToInt(PersonRecords.Person::person).toArray();
        run("warm-up (encoded)", encoded, truth, false);
        run("encoded", encoded, truth, true);
        List<MatchRecord> namesAndPostcode = encoded.stream().map(r -> new MatchRecord(r.id(), r.keyId(), r.firstName(),
                r.lastName(), r.postcode(), null, r.firstNameCode(), r.lastNameCode(), r.firstNamePrefix(),
                r.lastNamePrefix(), r.postcodeKey(), r.firstNameSuffix(), r.lastNameSuffix())).toList();
        encoded = null;
        run("encoded, names + postcode only", namesAndPostcode, truth, true);
        namesAndPostcode = null;
        List<MatchRecord> clear = IntStream.range(0, people.size()).mapToObj(i -> clear(i, people.get(i))).toList();
        run("clear", clear, truth, true);
    }

    /** Pairwise precision, recall and F1 of the clusters linked at the default threshold. */
    record Quality(double precision, double recall, double f1) {
    }

    /** Fits on the records, links them in order and measures the clusters against the truth. */
    static Quality quality(List<MatchRecord> records, int[] truth) {
        MatchModelFitter fitter = MatchModelFitter.withDefaults();
        RecordLinker linker = new RecordLinker(fitter.fit(records), fitter.blocking(), RecordLinker.DEFAULT_THRESHOLD);
        int[] parent = new int[records.size()];
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            var link = linker.link(records.get(i));
            parent[i] = link.isPresent() ? root(parent, position.get(link.get().recordId())) : i;
            position.put(records.get(i).id(), i);
        }
        return measure(parent, truth);
    }

    static MatchRecord encoded(int index, PersonRecords.Person p) {
        MatchFeatureSet set = ENCODING.encode(p.firstName(), p.lastName(), p.postcode(), p.email(), null);
        String id = Integer.toString(index);
        List<MatchRecord> records = BlockingKeys.records(id, MatchFeatureSet.toMap(List.of(set)));
        return records.isEmpty() ? new MatchRecord(id, KEY.id(), null, null, null, null, null, null, null, null, null)
                : records.get(0);
    }

    static MatchRecord clear(int index, PersonRecords.Person p) {
        String first = MatchFeatures.name(p.firstName());
        String last = MatchFeatures.name(p.lastName());
        String postcode = MatchFeatures.postcode(p.postcode());
        return new MatchRecord(Integer.toString(index), "clear", ClearEncoding.of(first),
                ClearEncoding.of(last), ClearEncoding.of(postcode),
                MatchFeatures.companyDomain(EmailNormalizer.normalize(p.email()).orElse(null)),
                first == null ? null : DOUBLE_METAPHONE.doubleMetaphone(first.replace(" ", "")),
                last == null ? null : DOUBLE_METAPHONE.doubleMetaphone(last.replace(" ", "")), prefix(first),
                prefix(last), postcode, suffix(first), suffix(last));
    }

    private static String prefix(String name) {
        return name == null ? null : name.substring(0, Math.min(3, name.length()));
    }

    private static String suffix(String name) {
        return name == null ? null : name.substring(Math.max(0, name.length() - 3));
    }

    private static void run(String label, List<MatchRecord> records, int[] truth, boolean print) {
        System.gc();
        resetPeaks();
        MatchModelFitter fitter = MatchModelFitter.withDefaults();
        long c0 = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        MatchModel model = fitter.fit(records);
        long t1 = System.nanoTime();
        long c1 = CPU.getCurrentThreadCpuTime();
        long peakFit = peakHeap();
        System.gc();
        resetPeaks();
        RecordLinker linker = new RecordLinker(model, fitter.blocking(), RecordLinker.DEFAULT_THRESHOLD);
        int[] parent = new int[records.size()];
        Map<String, Integer> position = new HashMap<>();
        long[] linksByBucket = new long[5];
        long[] correctByBucket = new long[5];
        long c2 = CPU.getCurrentThreadCpuTime();
        long t2 = System.nanoTime();
        for (int i = 0; i < records.size(); i++) {
            var link = linker.link(records.get(i));
            if (link.isPresent()) {
                int other = position.get(link.get().recordId());
                parent[i] = root(parent, other);
                int bucket = bucket(link.get().probability());
                linksByBucket[bucket]++;
                correctByBucket[bucket] += truth[other] == truth[i] ? 1 : 0;
            } else {
                parent[i] = i;
            }
            position.put(records.get(i).id(), i);
        }
        long t3 = System.nanoTime();
        long c3 = CPU.getCurrentThreadCpuTime();
        if (!print) {
            return;
        }
        System.out.printf(Locale.ROOT, "%n== %s%nfit %.0f ms (%d candidate pairs, peak heap %d MiB); link %.0f ms "
                        + "(%.0f records/s, peak heap %d MiB)%n", label, (t1 - t0) / 1e6, model.candidatePairs(),
                peakFit >> 20, (t3 - t2) / 1e6, records.size() / ((t3 - t2) / 1e9), peakHeap() >> 20);
        System.out.printf(Locale.ROOT, "CPU time of the bench thread (less sensitive to other load): fit %.0f ms, link "
                + "%.0f ms (%.0f records per CPU second)%n", (c1 - c0) / 1e6, (c3 - c2) / 1e6,
                records.size() / ((c3 - c2) / 1e9));
        printAccuracy(parent, truth);
        System.out.printf(Locale.ROOT, "blocking keeps %.4f of true pairs%n", blockingRetention(records, truth,
                fitter.blocking()));
        String[] labels = {"[0.75,0.90)", "[0.90,0.99)", "[0.99,0.999)", "[0.999,1]", "below"};
        for (int b = 0; b < 4; b++) {
            System.out.printf(Locale.ROOT, "links with probability %s: %d, of which correct %.4f%n", labels[b],
                    linksByBucket[b], linksByBucket[b] == 0 ? Double.NaN : (double) correctByBucket[b] / linksByBucket[b]);
        }
        if (label.equals("encoded")) {
            System.out.print(model);
        }
    }

    private static int bucket(double p) {
        return p >= 0.999 ? 3 : p >= 0.99 ? 2 : p >= 0.90 ? 1 : p >= 0.75 ? 0 : 4;
    }

    private static void printAccuracy(int[] parent, int[] truth) {
        Quality q = measure(parent, truth);
        System.out.printf(Locale.ROOT, "threshold %.2f: precision %.4f, recall %.4f, F1 %.4f%n",
                RecordLinker.DEFAULT_THRESHOLD, q.precision(), q.recall(), q.f1());
    }

    private static Quality measure(int[] parent, int[] truth) {
        Map<Integer, Long> byPerson = new HashMap<>();
        Map<Integer, Long> byCluster = new HashMap<>();
        Map<Long, Long> byBoth = new HashMap<>();
        for (int i = 0; i < parent.length; i++) {
            int cluster = root(parent, i);
            byPerson.merge(truth[i], 1L, Long::sum);
            byCluster.merge(cluster, 1L, Long::sum);
            byBoth.merge(((long) truth[i] << 32) | cluster, 1L, Long::sum);
        }
        long all = pairs(byPerson);
        long predicted = pairs(byCluster);
        long correct = pairs(byBoth);
        double precision = (double) correct / predicted;
        double recall = (double) correct / all;
        return new Quality(precision, recall, 2 * precision * recall / (precision + recall));
    }

    private static double blockingRetention(List<MatchRecord> records, int[] truth, Blocking blocking) {
        String[][] keys = new String[records.size()][];
        Map<String, Integer> sizes = new HashMap<>();
        Map<Integer, List<Integer>> byPerson = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            keys[i] = blocking.keys(records.get(i));
            for (String key : keys[i]) {
                sizes.merge(key, 1, Integer::sum);
            }
            byPerson.computeIfAbsent(truth[i], k -> new ArrayList<>()).add(i);
        }
        long pairs = 0;
        long kept = 0;
        for (List<Integer> same : byPerson.values()) {
            for (int a = 0; a < same.size(); a++) {
                for (int b = a + 1; b < same.size(); b++) {
                    pairs++;
                    String[] other = keys[same.get(b)];
                    kept += Arrays.stream(keys[same.get(a)]).anyMatch(k -> sizes.get(k) <= Blocking.DEFAULT_MAX_BLOCK_SIZE
                            && Arrays.binarySearch(other, k) >= 0) ? 1 : 0;
                }
            }
        }
        return (double) kept / pairs;
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

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
