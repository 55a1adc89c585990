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
     * The candidate pairs a linker scores: postcode + a name initial, company domain + a name initial,
     * IP prefix + user agent, and the first three letters of both names in either order. Initials of both
     * names are used so that swapped names still meet.
     */
    public static Blocking defaults() {
        return new Blocking(List.of(
                new Rule("pc", r -> withInitials(r, r.postcode()), Set.of("postcode")),
                new Rule("dm", r -> withInitials(r, r.companyDomain()), Set.of("company_domain")),
                new Rule("ip", r -> r.ipPrefix() == null || r.userAgentHash() == null ? List.of()
                        : List.of(r.ipPrefix() + "|" + r.userAgentHash()), Set.of("ip_user_agent_time")),
                new Rule("nm", Blocking::namePrefixes, Set.of())),
                DEFAULT_MAX_BLOCK_SIZE);
    }

    /**
     * The pairs EM learns m from, each rule chosen so that its non-matches look like random pairs in the
     * comparisons it leaves: same last name and first initial (namesakes and relatives: their workplace
     * and device are unrelated) teaches first name and domain/postcode/device; same company domain and
     * postcode (colleagues: their names are unrelated) teaches first and last name.
     */
    public static Blocking training() {
        return new Blocking(List.of(
                new Rule("ln", r -> r.lastName() == null || r.firstName() == null ? List.of()
                        : List.of(r.lastName() + "|" + r.firstName().charAt(0)), Set.of("last_name")),
                new Rule("dp", r -> r.companyDomain() == null || r.postcode() == null ? List.of()
                        : List.of(r.companyDomain() + "|" + r.postcode()), Set.of("company_domain", "postcode"))),
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

    private static Collection<String> withInitials(MatchRecord r, String value) {
        if (value == null) {
            return List.of();
        }
        Set<String> keys = new TreeSet<>();
        if (r.firstName() != null) {
            keys.add(value + "|" + r.firstName().charAt(0));
        }
        if (r.lastName() != null) {
            keys.add(value + "|" + r.lastName().charAt(0));
        }
        return keys;
    }

    private static Collection<String> namePrefixes(MatchRecord r) {
        if (r.firstName() == null || r.lastName() == null) {
            return List.of();
        }
        String first = r.firstName().substring(0, Math.min(3, r.firstName().length()));
        String last = r.lastName().substring(0, Math.min(3, r.lastName().length()));
        return List.of(first.compareTo(last) <= 0 ? first + "|" + last : last + "|" + first);
    }
}
