package io.closeloop.reporting.metrics;

import java.util.List;
import java.util.Locale;

/** The lead funnel's stages and what reaching one implies. */
public final class FunnelStages {

    /** In funnel order; {@code lost} is an exit, not a step. */
    public static final List<String> STAGES = List.of("new", "qualified", "mql", "sql", "won", "lost");
    private static final List<String> LADDER = List.of("new", "qualified", "mql", "sql", "won");
    public static final String LOST = "lost";

    private FunnelStages() {
    }

    public static boolean isStage(String status) {
        return status != null && STAGES.contains(status.toLowerCase(Locale.ROOT));
    }

    /**
     * The stages a conversion in {@code status} has reached: a step of the ladder implies every earlier step, a
     * lost deal was at least a new lead; any other status reaches none.
     */
    public static List<String> reached(String status) {
        if (!isStage(status)) {
            return List.of();
        }
        String stage = status.toLowerCase(Locale.ROOT);
        if (LOST.equals(stage)) {
            return List.of("new", LOST);
        }
        return LADDER.subList(0, LADDER.indexOf(stage) + 1);
    }
}
