package io.closeloop.identity.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Several comparisons that are not independent given the match status, compared as one: its levels are
 * all combinations of the parts' levels including "missing", so m and u capture how the parts go
 * together. Company domain, office postcode and office network agree for colleagues far more often than
 * their separate frequencies suggest; multiplied as independent evidence they would link colleagues.
 * The level is {@link #NULL} only when every part is missing.
 */
public final class JointComparison implements Comparison {

    private final String name;
    private final List<Comparison> parts;
    private final List<String> levels;

    public JointComparison(String name, List<Comparison> parts) {
        this.name = name;
        this.parts = List.copyOf(parts);
        List<String> labels = List.of("");
        for (Comparison part : parts) {
            List<String> next = new ArrayList<>();
            for (String prefix : labels) {
                List<String> partLevels = new ArrayList<>(part.levels());
                partLevels.add("missing");
                for (String level : partLevels) {
                    next.add(prefix + (prefix.isEmpty() ? "" : ", ") + part.name() + " " + level);
                }
            }
            labels = next;
        }
        this.levels = List.copyOf(labels.subList(0, labels.size() - 1));
    }

    public List<Comparison> parts() {
        return parts;
    }

    @Override
    public List<String> covers() {
        return parts.stream().flatMap(part -> part.covers().stream()).toList();
    }

    @Override
    public String name() {
        return name;
    }

    /** Mixed-radix combinations, the first part most significant; "all missing" is not a level. */
    @Override
    public List<String> levels() {
        return levels;
    }

    @Override
    public int level(MatchRecord a, MatchRecord b) {
        int level = 0;
        boolean anyPresent = false;
        for (Comparison part : parts) {
            int partLevel = part.level(a, b);
            int radix = part.levels().size() + 1;
            anyPresent |= partLevel != NULL;
            level = level * radix + (partLevel == NULL ? radix - 1 : partLevel);
        }
        return anyPresent ? level : NULL;
    }
}
