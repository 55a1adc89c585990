package io.closeloop.attribution.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One marketing touch of a person's journey, as the models see it.
 *
 * @param id the touch's event id; it also orders touches that happened at the same instant
 * @param measurementAllowed whether the consent in force at the touch allowed measurement; a touch
 *                           without it never earns credit
 * @param milestones the funnel milestones this touch produced (e.g. the form fill that created the lead);
 *                   only {@link WShapedModel} reads them; empty for most touches
 * @param linkConfidence how sure identity is that the touch belongs to the person (1 for deterministic
 *                       links); a tenant may set a minimum below which the touch never counts
 */
public record Touch(UUID id, Instant at, String channel, String source, String medium, String campaign,
                    boolean measurementAllowed, Set<Milestone> milestones, double linkConfidence) {

    /**
     * Journey order: by time, and for touches at the same instant by event id compared as its canonical
     * lower-case text (the same order PostgreSQL gives uuids). Arrival order never matters, so every
     * replica and every replay picks the same "last" touch.
     */
    public static final Comparator<Touch> JOURNEY_ORDER = Comparator.comparing(Touch::at)
            .thenComparing(Touch::id, Touch::compareAsText);

    public Touch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(channel, "channel");
        milestones = milestones == null || milestones.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(milestones));
        if (!(linkConfidence >= 0 && linkConfidence <= 1)) {
            throw new IllegalArgumentException("link confidence must lie in [0, 1]: " + linkConfidence);
        }
    }

    /** A deterministically linked touch (confidence 1). */
    public Touch(UUID id, Instant at, String channel, String source, String medium, String campaign,
                 boolean measurementAllowed, Set<Milestone> milestones) {
        this(id, at, channel, source, medium, campaign, measurementAllowed, milestones, 1.0);
    }

    /** A touch that produced no funnel milestone. */
    public Touch(UUID id, Instant at, String channel, String source, String medium, String campaign,
                 boolean measurementAllowed) {
        this(id, at, channel, source, medium, campaign, measurementAllowed, Set.of(), 1.0);
    }

    /**
     * Compares two uuids as their canonical lower-case text would compare, without building the text: the
     * text is the 32 hex digits of the most then least significant bits at fixed positions, and hex digits
     * sort like their values, so the text order is the unsigned order of (most, least) significant bits.
     */
    static int compareAsText(UUID a, UUID b) {
        int most = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return most != 0 ? most : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    public boolean has(Milestone milestone) {
        return milestones.contains(milestone);
    }

    /** Funnel milestones a touch can produce (CRM lead and opportunity creation). */
    public enum Milestone {
        /** The touch created the lead (e.g. the form fill whose submission created the CRM lead). */
        LEAD_CREATED,
        /** The touch created the opportunity (e.g. the demo request that opened the CRM deal). */
        OPPORTUNITY_CREATED
    }
}
