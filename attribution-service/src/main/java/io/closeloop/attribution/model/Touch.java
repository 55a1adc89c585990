package io.closeloop.attribution.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * One marketing touch of a person's journey, as the models see it.
 *
 * @param id the touch's event id; it also orders touches that happened at the same instant
 * @param measurementAllowed whether the consent in force at the touch allowed measurement; a touch
 *                           without it never earns credit
 */
public record Touch(UUID id, Instant at, String channel, String source, String medium, String campaign,
                    boolean measurementAllowed) {

    /**
     * Journey order: by time, and for touches at the same instant by event id compared as its canonical
     * lower-case text (the same order PostgreSQL gives uuids). Arrival order never matters, so every
     * replica and every replay picks the same "last" touch.
     */
    public static final Comparator<Touch> JOURNEY_ORDER = Comparator.comparing(Touch::at)
            .thenComparing(touch -> touch.id().toString());

    public Touch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(channel, "channel");
    }
}
