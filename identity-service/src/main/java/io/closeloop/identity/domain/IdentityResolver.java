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
        return resolve(identifiers, known, Set.of(), newPersonId);
    }

    /**
     * @param strongPersons the known persons that hold a strong identifier (email, phone, CRM id). When the event
     *                      carries a strong identifier, a weak identifier (device, click id ...) pointing to such a
     *                      person who none of the event's strong identifiers point to is set aside: it stays with
     *                      its person, the event does not resolve through it and the two are no merge candidates.
     */
    public static Decision resolve(List<IdentifierRef> identifiers, Map<IdentifierKey, UUID> allKnown,
                                   Set<UUID> strongPersons, Supplier<UUID> newPersonId) {
        Map<IdentifierKey, UUID> known = new java.util.HashMap<>(allKnown);
        Set<UUID> namedByStrong = new java.util.HashSet<>();
        identifiers.stream().filter(i -> IdentifierStrength.strong(i.kind()))
                .map(i -> allKnown.get(IdentifierKey.of(i))).filter(p -> p != null).forEach(namedByStrong::add);
        Set<IdentifierKey> setAside = new java.util.HashSet<>();
        if (IdentifierStrength.anyStrong(identifiers)) {
            for (IdentifierRef identifier : identifiers) {
                UUID owner = allKnown.get(IdentifierKey.of(identifier));
                if (!IdentifierStrength.strong(identifier.kind()) && owner != null && strongPersons.contains(owner)
                        && !namedByStrong.contains(owner)) {
                    setAside.add(IdentifierKey.of(identifier));
                    known.remove(IdentifierKey.of(identifier));
                }
            }
        }
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
            if (setAside.contains(key)) {
                continue;
            }
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
