package io.closeloop.identity.matching;

import java.util.List;

/**
 * Compares one aspect of two records and answers a level: 0 is the most similar, the last level is
 * "else", and {@link #NULL} means a value was missing on either side (the comparison then says nothing).
 */
public interface Comparison {

    int NULL = -1;

    /** A short name, e.g. {@code first_name}. */
    String name();

    /** Labels of the levels, most similar first, "else" last. */
    List<String> levels();

    int level(MatchRecord a, MatchRecord b);

    /** Names of the comparisons this one is made of: itself, or the parts of a joint comparison. */
    default List<String> covers() {
        return List.of(name());
    }
}
