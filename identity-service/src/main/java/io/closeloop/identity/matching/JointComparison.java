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
    private final Comparison[] compared;
    private final int[] radix;

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
        this.compared = this.parts.toArray(Comparison[]::new);
        this.radix = this.parts.stream().mapToInt(part -> part.levels().size() + 1).toArray();
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
        for (int p = 0; p < compared.length; p++) {
            int partLevel = compared[p].level(a, b);
            anyPresent |= partLevel != NULL;
            level = level * radix[p] + (partLevel == NULL ? radix[p] - 1 : partLevel);
        }
        return anyPresent ? level : NULL;
    }
}
