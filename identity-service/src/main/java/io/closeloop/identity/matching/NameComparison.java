package io.closeloop.identity.matching;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * First or last name by Jaro–Winkler similarity. First and last name swapped between the two records
 * (both crossed pairs at least {@link #LOW} similar) is one observation: the first-name comparison
 * answers {@link #SWAPPED} and the last-name comparison answers {@link #NULL}, so it is not counted twice.
 */
public final class NameComparison implements Comparison {

    public static final double HIGH = 0.94;
    public static final double LOW = 0.88;
    public static final int EXACT = 0;
    public static final int SIMILAR = 1;
    public static final int CLOSE = 2;
    /** First-name comparison only. */
    public static final int SWAPPED = 3;
    public static final int DIFFERENT_FIRST = 4;
    public static final int DIFFERENT_LAST = 3;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private final String name;
    private final Function<MatchRecord, String> field;
    private final Function<MatchRecord, String> otherField;

    private final boolean ownsSwap;
    private final int different;

    private NameComparison(String name, Function<MatchRecord, String> field, Function<MatchRecord, String> otherField,
                           boolean ownsSwap) {
        this.name = name;
        this.field = field;
        this.otherField = otherField;
        this.ownsSwap = ownsSwap;
        this.different = ownsSwap ? DIFFERENT_FIRST : DIFFERENT_LAST;
    }

    public static NameComparison firstName() {
        return new NameComparison("first_name", MatchRecord::firstName, MatchRecord::lastName, true);
    }

    public static NameComparison lastName() {
        return new NameComparison("last_name", MatchRecord::lastName, MatchRecord::firstName, false);
    }

    /** Jaro–Winkler similarity (prefix scale 0.1, at most 4 prefix characters), 1 for equal strings. */
    public static double similarity(String a, String b) {
        return JARO_WINKLER.apply(a, b);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> levels() {
        return ownsSwap ? List.of("exact", "jaro_winkler>=" + HIGH, "jaro_winkler>=" + LOW, "swapped_first_last", "else")
                : List.of("exact", "jaro_winkler>=" + HIGH, "jaro_winkler>=" + LOW, "else");
    }

    @Override
    public int level(MatchRecord a, MatchRecord b) {
        String x = field.apply(a);
        String y = field.apply(b);
        if (x == null || y == null) {
            return NULL;
        }
        if (x.equals(y)) {
            return EXACT;
        }
        double similarity = similarity(x, y);
        if (similarity >= HIGH) {
            return SIMILAR;
        }
        if (similarity >= LOW) {
            return CLOSE;
        }
        if (swapped(a, b)) {
            return ownsSwap ? SWAPPED : NULL;
        }
        return different;
    }

    private boolean swapped(MatchRecord a, MatchRecord b) {
        String xOther = otherField.apply(a);
        String yOther = otherField.apply(b);
        if (xOther == null || yOther == null || Objects.equals(xOther, yOther)) {
            return false;
        }
        return similarity(field.apply(a), yOther) >= LOW && similarity(xOther, field.apply(b)) >= LOW;
    }
}
