package io.closeloop.identity.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each exact name encoding occurs among a tenant's records, for term-frequency adjustment (as
 * Splink does): an exact match on a value held by a share p of the records has u = p instead of the
 * average u of the exact level, so "smith" = "smith" counts for less than a rare surname. Encodings are
 * keyed, so the table holds no clear names. Only values seen at least twice are kept; a rarer value
 * counts as seen once.
 */
public final class TermFrequencies {

    private final Map<String, Integer> firstNames;
    private final Map<String, Integer> lastNames;
    private final long records;

    public TermFrequencies(Map<String, Integer> firstNames, Map<String, Integer> lastNames, long records) {
        this.firstNames = Map.copyOf(firstNames);
        this.lastNames = Map.copyOf(lastNames);
        this.records = Math.max(1, records);
    }

    public static TermFrequencies none() {
        return new TermFrequencies(Map.of(), Map.of(), 1);
    }

    public static TermFrequencies of(List<MatchRecord> records) {
        Map<String, Integer> first = new HashMap<>();
        Map<String, Integer> last = new HashMap<>();
        for (MatchRecord r : records) {
            if (r.firstName() != null) {
                first.merge(r.firstName().value(), 1, Integer::sum);
            }
            if (r.lastName() != null) {
                last.merge(r.lastName().value(), 1, Integer::sum);
            }
        }
        first.values().removeIf(c -> c < 2);
        last.values().removeIf(c -> c < 2);
        return new TermFrequencies(first, last, records.size());
    }

    /** The share of records holding this value of the named comparison; {@code NaN} without a table. */
    public double share(String comparison, String value) {
        Map<String, Integer> table = switch (comparison) {
            case "first_name" -> firstNames;
            case "last_name" -> lastNames;
            default -> null;
        };
        if (table == null || table.isEmpty()) {
            return Double.NaN;
        }
        return table.getOrDefault(value, 1) / (double) records;
    }

    public Map<String, Integer> firstNames() {
        return firstNames;
    }

    public Map<String, Integer> lastNames() {
        return lastNames;
    }

    public long records() {
        return records;
    }
}
