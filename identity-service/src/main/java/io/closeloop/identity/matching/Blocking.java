package io.closeloop.identity.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
     * first three letters, the postcode, and company domain + either name's phonetic code. A typo rarely
     * changes both a Double Metaphone code and a prefix, a swap never changes these keys, and a record
     * without one of the names still meets others by postcode or domain.
     * Keys carry the key id, so records meet only records encoded under the same key.
     */
    public static Blocking defaults() {
        return new Blocking(List.of(
                new Rule("nm", r -> unordered(r, r.firstNameCode(), r.lastNameCode()), Set.of()),
                new Rule("mx", Blocking::codeAndPrefix, Set.of()),
                new Rule("pc", r -> r.postcodeKey() == null ? List.of() : List.of(r.keyId() + "|" + r.postcodeKey()),
                        Set.of()),
                new Rule("dm", r -> withNameCodes(r, r.companyDomain()), Set.of())),
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
        Set<String> keys = new TreeSet<>();
        for (int rule = 0; rule < rules.size(); rule++) {
            for (String key : rules.get(rule).keys().apply(record)) {
                keys.add((char) ('A' + rule) + "|" + key);
            }
        }
        return keys.toArray(String[]::new);
    }

    /**
     * Visits every candidate pair exactly once, in a deterministic order: a pair sharing several keys is
     * visited in the block of the first key (in sort order) that is not too large.
     */
    public void forEachCandidatePair(List<MatchRecord> records, PairVisitor visitor) {
        String[][] keys = new String[records.size()][];
        Map<String, List<Integer>> blocks = new TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            keys[i] = keys(records.get(i));
            for (String key : keys[i]) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        Set<String> tooLarge = new HashSet<>();
        blocks.forEach((key, members) -> {
            if (!usable(members)) {
                tooLarge.add(key);
            }
        });
        blocks.forEach((key, members) -> {
            if (tooLarge.contains(key)) {
                return;
            }
            for (int x = 0; x < members.size(); x++) {
                for (int y = x + 1; y < members.size(); y++) {
                    int i = members.get(x);
                    int j = members.get(y);
                    visitIfFirst(key, i, j, keys, tooLarge, visitor);
                }
            }
        });
    }

    /** Whether a block of this size is used at all. */
    boolean usable(List<?> block) {
        return block.size() <= maxBlockSize;
    }

    private static void visitIfFirst(String key, int i, int j, String[][] keys, Set<String> skipped,
                                     PairVisitor visitor) {
        String[] a = keys[i];
        String[] b = keys[j];
        String first = null;
        int shared = 0;
        int x = 0;
        int y = 0;
        while (x < a.length && y < b.length) {
            int order = a[x].compareTo(b[y]);
            if (order == 0) {
                if (!skipped.contains(a[x])) {
                    if (first == null) {
                        first = a[x];
                    }
                    shared |= 1 << (a[x].charAt(0) - 'A');
                }
                x++;
                y++;
            } else if (order < 0) {
                x++;
            } else {
                y++;
            }
        }
        if (key.equals(first)) {
            visitor.visit(i, j, shared);
        }
    }

    private static Collection<String> withNameCodes(MatchRecord r, String value) {
        if (value == null) {
            return List.of();
        }
        Set<String> keys = new TreeSet<>();
        if (r.firstNameCode() != null) {
            keys.add(r.keyId() + "|" + value + "|" + r.firstNameCode());
        }
        if (r.lastNameCode() != null) {
            keys.add(r.keyId() + "|" + value + "|" + r.lastNameCode());
        }
        return keys;
    }

    private static Collection<String> codeAndPrefix(MatchRecord r) {
        Set<String> keys = new TreeSet<>();
        if (r.firstNameCode() != null && r.lastNamePrefix() != null) {
            keys.add(r.keyId() + "|" + r.firstNameCode() + "|" + r.lastNamePrefix());
        }
        if (r.lastNameCode() != null && r.firstNamePrefix() != null) {
            keys.add(r.keyId() + "|" + r.lastNameCode() + "|" + r.firstNamePrefix());
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
