package io.closeloop.identity.matching;

import java.util.List;
import java.util.function.Function;

/**
 * First or last name by the Dice similarity of their Bloom filters: exact, high, medium or different.
 * First and last name swapped between the two records (both crossed pairs at least {@link #MEDIUM}
 * similar) is one observation: the first-name comparison answers {@link #SWAPPED} and the last-name
 * comparison answers {@link #NULL}, so it is not counted twice.
 */
public final class NameComparison implements Comparison {

    /** One typo in a name of 6–8 letters keeps a bigram Dice of about 0.7–0.85. */
    public static final double HIGH = 0.75;
    public static final double MEDIUM = 0.55;
    public static final int EXACT = 0;
    public static final int SIMILAR = 1;
    public static final int CLOSE = 2;
    /** First-name comparison only. */
    public static final int SWAPPED = 3;
    public static final int DIFFERENT_FIRST = 4;
    public static final int DIFFERENT_LAST = 3;

    private final String name;
    private final Function<MatchRecord, Encoded> field;
    private final Function<MatchRecord, Encoded> otherField;
    private final boolean ownsSwap;
    private final int different;

    private NameComparison(String name, Function<MatchRecord, Encoded> field, Function<MatchRecord, Encoded> otherField,
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

    /** The compared value of a record (its encoding is the term of term-frequency adjustment). */
    public Encoded value(MatchRecord record) {
        return field.apply(record);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> levels() {
        return ownsSwap ? List.of("exact", "dice>=" + HIGH, "dice>=" + MEDIUM, "swapped_first_last", "else")
                : List.of("exact", "dice>=" + HIGH, "dice>=" + MEDIUM, "else");
    }

    @Override
    public int level(MatchRecord a, MatchRecord b) {
        Encoded x = field.apply(a);
        Encoded y = field.apply(b);
        if (x == null || y == null) {
            return NULL;
        }
        if (x.sameAs(y)) {
            return EXACT;
        }
        double similarity = x.dice(y);
        if (similarity >= HIGH) {
            return SIMILAR;
        }
        if (similarity >= MEDIUM) {
            return CLOSE;
        }
        if (swapped(a, b)) {
            return ownsSwap ? SWAPPED : NULL;
        }
        return different;
    }

    private boolean swapped(MatchRecord a, MatchRecord b) {
        Encoded xOther = otherField.apply(a);
        Encoded yOther = otherField.apply(b);
        if (xOther == null || yOther == null || xOther.sameAs(yOther)) {
            return false;
        }
        return field.apply(a).dice(yOther) >= MEDIUM && xOther.dice(field.apply(b)) >= MEDIUM;
    }
}
