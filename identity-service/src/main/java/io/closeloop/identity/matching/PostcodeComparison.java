package io.closeloop.identity.matching;

import java.util.List;

/** Postcode exact, same leading characters (the district), or different. */
public final class PostcodeComparison implements Comparison {

    public static final int DEFAULT_PREFIX_LENGTH = 3;
    public static final int EXACT = 0;
    public static final int SAME_PREFIX = 1;
    public static final int DIFFERENT = 2;

    private final int prefixLength;

    public PostcodeComparison(int prefixLength) {
        if (prefixLength < 1) {
            throw new IllegalArgumentException("prefixLength must be at least 1");
        }
        this.prefixLength = prefixLength;
    }

    public int prefixLength() {
        return prefixLength;
    }

    @Override
    public String name() {
        return "postcode";
    }

    @Override
    public List<String> levels() {
        return List.of("exact", "same_first_" + prefixLength, "else");
    }

    @Override
    public int level(MatchRecord a, MatchRecord b) {
        String x = a.postcode();
        String y = b.postcode();
        if (x == null || y == null) {
            return NULL;
        }
        if (x.equals(y)) {
            return EXACT;
        }
        boolean samePrefix = x.length() >= prefixLength && y.length() >= prefixLength
                && x.regionMatches(0, y, 0, prefixLength);
        return samePrefix ? SAME_PREFIX : DIFFERENT;
    }
}
