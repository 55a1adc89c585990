package io.closeloop.attribution.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Account-based mode: a CRM deal's journey is the union of the journeys of every contact it names. A touch
 * seen through two contacts (e.g. a meeting both attended, re-stitched between them) counts once: the
 * union is deduplicated by touch id, keeping the first occurrence in the order the journeys are given.
 * The result is in no particular order; {@link Attributor} orders it.
 */
public final class AccountJourneys {

    private AccountJourneys() {
    }

    public static List<Touch> union(Collection<? extends Collection<Touch>> journeys) {
        Set<UUID> seen = new HashSet<>();
        List<Touch> union = new ArrayList<>();
        for (Collection<Touch> journey : journeys) {
            for (Touch touch : journey) {
                if (seen.add(touch.id())) {
                    union.add(touch);
                }
            }
        }
        return union;
    }
}
