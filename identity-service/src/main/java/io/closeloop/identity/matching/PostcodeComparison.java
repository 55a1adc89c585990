package io.closeloop.identity.matching;

import java.util.List;

/** Postcode exact, similar (Dice of the filters: a typo, or the same district), or different. */
public final class PostcodeComparison implements Comparison {

    public static final double SIMILAR_DICE = 0.5;
    public static final int EXACT = 0;
    public static final int SIMILAR = 1;
    public static final int DIFFERENT = 2;

    @Override
    public String name() {
        return "postcode";
    }

    @Override
    public List<String> levels() {
        return List.of("exact", "dice>=" + SIMILAR_DICE, "else");
    }

    @Override
    public int level(MatchRecord a, MatchRecord b) {
        Encoded x = a.postcode();
        Encoded y = b.postcode();
        if (x == null || y == null) {
            return NULL;
        }
        if (x.sameAs(y)) {
            return EXACT;
        }
        return x.dice(y) >= SIMILAR_DICE ? SIMILAR : DIFFERENT;
    }
}
