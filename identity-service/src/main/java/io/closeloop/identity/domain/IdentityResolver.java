package io.closeloop.identity.domain;

import io.closeloop.contracts.IdentifierRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decides which person an event belongs to from the identifiers it carries and the persons those
 * identifiers already point to. The strongest known identifier wins; identifiers not yet known attach
 * to that person; without any known identifier a new person is created. Other persons that the event's
 * identifiers point to are reported as merge candidates (merging is decided elsewhere).
 */
public final class IdentityResolver {

    private IdentityResolver() {
    }

    public record Decision(UUID personId, boolean newPerson, List<IdentifierRef> toAttach, Set<UUID> otherPersons) {
    }

    public static Decision resolve(List<IdentifierRef> identifiers, Map<IdentifierKey, UUID> known,
                                   Supplier<UUID> newPersonId) {
        List<IdentifierRef> strongestFirst = new ArrayList<>(identifiers);
        strongestFirst.sort(Comparator.comparingInt(i -> i.kind().strength()));
        UUID person = strongestFirst.stream()
                .map(i -> known.get(IdentifierKey.of(i)))
                .filter(p -> p != null)
                .findFirst()
                .orElse(null);
        boolean newPerson = person == null;
        if (newPerson) {
            person = newPersonId.get();
        }
        List<IdentifierRef> toAttach = new ArrayList<>();
        Set<UUID> others = new LinkedHashSet<>();
        Set<IdentifierKey> seen = new LinkedHashSet<>();
        for (IdentifierRef identifier : strongestFirst) {
            IdentifierKey key = IdentifierKey.of(identifier);
            UUID owner = known.get(key);
            if (owner == null) {
                if (seen.add(key)) {
                    toAttach.add(identifier);
                }
            } else if (!owner.equals(person)) {
                others.add(owner);
            }
        }
        return new Decision(person, newPerson, List.copyOf(toAttach), Set.copyOf(others));
    }
}
