package io.closeloop.identity.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which pairs are worth comparing: two records are candidates when they share a blocking key of any
 * rule. A key shared by more than {@code maxBlockSize} records is too common to say anything and is
 * skipped. Each rule names the comparisons it decides (they are alike within its blocks by
 * construction), so that EM over the rule's pairs leaves them out.
 */
public final class Blocking {

    public static final int DEFAULT_MAX_BLOCK_SIZE = 500;

    /**
     * @param name      a short prefix of the rule's keys
     * @param keys      the record's keys under this rule (none when its fields are missing)
     * @param decides   names of the comparisons the rule's keys fix
     */
    public record Rule(String name, Function<MatchRecord, Collection<String>> keys, Set<String> decides) {
    }

    /** Receives each candidate pair once ({@code i < j}) with the bit set of the rules whose key they share. */
    @FunctionalInterface
    public interface PairVisitor {
        void visit(int i, int j, int sharedRules);
    }

    private final List<Rule> rules;
    private final int maxBlockSize;

    public Blocking(List<Rule> rules, int maxBlockSize) {
        if (maxBlockSize < 2 || rules.isEmpty() || rules.size() > Integer.SIZE) {
            throw new IllegalArgumentException("maxBlockSize ≥ 2 and 1 to 32 rules");
        }
        this.rules = List.copyOf(rules);
        this.maxBlockSize = maxBlockSize;
    }

    /**
     * The candidate pairs a linker scores, all on keyed codes ingest sent (so typo-tolerant without clear
     * values): the phonetic codes of both names in either order, one name's phonetic code with the other's
     * first three letters, the postcode, company domain + either name's phonetic code, one name's phonetic
     * code with the other's last three letters, and company domain + either name's last three letters.
     * A typo rarely changes both a Double Metaphone code and a prefix; one that does (in a name's first
     * letters) leaves the name's end alone. A swap never changes these keys, and a record without one of
     * the names still meets others by postcode or domain. Keys carry the key id, so records meet only
     * records encoded under the same key. The rules' order is part of the stored keys: new rules go last.
     */
    public static Blocking defaults() {
        return new Blocking(List.of(
                new Rule("nm", r -> unordered(r, r.firstNameCode(), r.lastNameCode()), Set.of()),
                new Rule("mx", r -> crossed(r, r.firstNamePrefix(), r.lastNamePrefix()), Set.of()),
                new Rule("pc", r -> r.postcodeKey() == null ? List.of() : List.of(r.keyId() + "|" + r.postcodeKey()),
                        Set.of()),
                new Rule("dm", r -> withBoth(r, r.companyDomain(), r.firstNameCode(), r.lastNameCode()), Set.of()),
                new Rule("sx", r -> crossed(r, r.firstNameSuffix(), r.lastNameSuffix()), Set.of()),
                new Rule("ds", r -> withBoth(r, r.companyDomain(), r.firstNameSuffix(), r.lastNameSuffix()),
                        Set.of())),
                DEFAULT_MAX_BLOCK_SIZE);
    }

    /**
     * The pairs EM learns m from, each rule chosen so that its non-matches look like random pairs in the
     * comparisons it leaves: same postcode (neighbours: their names are unrelated; swapped names and records
     * without a company domain are among its pairs) teaches first and last name; same phonetic codes of
     * both names (namesakes: where they live and work is unrelated) teaches company domain and postcode.
     */
    public static Blocking training() {
        return new Blocking(List.of(
                new Rule("pc", r -> r.postcodeKey() == null ? List.of() : List.of(r.keyId() + "|" + r.postcodeKey()),
                        Set.of("company_domain", "postcode")),
                new Rule("nn", r -> r.firstNameCode() == null || r.lastNameCode() == null ? List.of()
                        : List.of(r.keyId() + "|" + r.firstNameCode() + "|" + r.lastNameCode()),
                        Set.of("first_name", "last_name"))),
                DEFAULT_MAX_BLOCK_SIZE);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The record's blocking keys, each prefixed with its rule's index, sorted and without duplicates. */
    public String[] keys(MatchRecord record) {
        List<String> keys = new ArrayList<>(12);
        for (int rule = 0; rule < rules.size(); rule++) {
            String prefix = (char) ('A' + rule) + "|";
            for (String key : rules.get(rule).keys().apply(record)) {
                keys.add(prefix + key);
            }
        }
        String[] sorted = keys.toArray(String[]::new);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int k = 0; k < sorted.length; k++) {
            if (distinct == 0 || !sorted[k].equals(sorted[distinct - 1])) {
                sorted[distinct++] = sorted[k];
            }
        }
        return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
    }

    /**
     * Visits every candidate pair exactly once, in a deterministic order: a pair sharing several keys is
     * visited in the block of the first key (in sort order) that is not too large. Keys are numbered in
     * their sort order once, so that finding a pair's shared keys compares ints, not strings.
     */
    public void forEachCandidatePair(List<MatchRecord> records, PairVisitor visitor) {
        String[][] keys = new String[records.size()][];
        Set<String> all = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            keys[i] = keys(records.get(i));
            all.addAll(Arrays.asList(keys[i]));
        }
        String[] distinct = all.toArray(String[]::new);
        all = null;
        Arrays.sort(distinct);
        Map<String, Integer> numbers = new HashMap<>(distinct.length * 2);
        int[] ruleBit = new int[distinct.length];
        for (int n = 0; n < distinct.length; n++) {
            numbers.put(distinct[n], n);
            ruleBit[n] = 1 << (distinct[n].charAt(0) - 'A');
        }
        int blocks = distinct.length;
        distinct = null;
        int[] size = new int[blocks];
        int[][] ids = new int[records.size()][];
        for (int i = 0; i < records.size(); i++) {
            ids[i] = new int[keys[i].length];
            for (int k = 0; k < keys[i].length; k++) {
                ids[i][k] = numbers.get(keys[i][k]);
                size[ids[i][k]]++;
            }
            keys[i] = null;
        }
        numbers = null;
        boolean[] usable = new boolean[blocks];
        int[] start = new int[blocks + 1];
        for (int n = 0; n < blocks; n++) {
            usable[n] = size[n] <= maxBlockSize;
            start[n + 1] = start[n] + size[n];
        }
        int[] members = new int[start[blocks]];
        int[] filled = Arrays.copyOf(start, blocks);
        for (int i = 0; i < ids.length; i++) {
            for (int id : ids[i]) {
                members[filled[id]++] = i;
            }
        }
        for (int n = 0; n < blocks; n++) {
            if (!usable[n]) {
                continue;
            }
            for (int x = start[n]; x < start[n + 1]; x++) {
                for (int y = x + 1; y < start[n + 1]; y++) {
                    visitIfFirst(n, members[x], members[y], ids, usable, ruleBit, visitor);
                }
            }
        }
    }

    /** Whether a block of this size is used at all. */
    boolean usable(int blockSize) {
        return blockSize <= maxBlockSize;
    }

    private static void visitIfFirst(int block, int i, int j, int[][] ids, boolean[] usable, int[] ruleBit,
                                     PairVisitor visitor) {
        int[] a = ids[i];
        int[] b = ids[j];
        int first = -1;
        int shared = 0;
        int x = 0;
        int y = 0;
        while (x < a.length && y < b.length) {
            if (a[x] == b[y]) {
                if (usable[a[x]]) {
                    if (first < 0) {
                        if (a[x] != block) {
                            return;
                        }
                        first = a[x];
                    }
                    shared |= ruleBit[a[x]];
                }
                x++;
                y++;
            } else if (a[x] < b[y]) {
                x++;
            } else {
                y++;
            }
        }
        visitor.visit(i, j, shared);
    }

    private static Collection<String> withBoth(MatchRecord r, String value, String first, String last) {
        if (value == null) {
            return List.of();
        }
        Set<String> keys = new TreeSet<>();
        if (first != null) {
            keys.add(r.keyId() + "|" + value + "|" + first);
        }
        if (last != null) {
            keys.add(r.keyId() + "|" + value + "|" + last);
        }
        return keys;
    }

    /** Each name's phonetic code with the other name's value of a keyed feature (prefix, suffix). */
    private static Collection<String> crossed(MatchRecord r, String firstNameValue, String lastNameValue) {
        Set<String> keys = new TreeSet<>();
        if (r.firstNameCode() != null && lastNameValue != null) {
            keys.add(r.keyId() + "|" + r.firstNameCode() + "|" + lastNameValue);
        }
        if (r.lastNameCode() != null && firstNameValue != null) {
            keys.add(r.keyId() + "|" + r.lastNameCode() + "|" + firstNameValue);
        }
        return keys;
    }

    private static Collection<String> unordered(MatchRecord r, String first, String last) {
        if (first == null || last == null) {
            return List.of();
        }
        return List.of(r.keyId() + "|" + (first.compareTo(last) <= 0 ? first + "|" + last : last + "|" + first));
    }
}
