package io.closeloop.identity.service;

import io.closeloop.contracts.ComplianceRequest;
import io.closeloop.identity.repository.PersonDataRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The persons a request names, by identifiers, export hashes or person ids, with everyone merged with them. */
@ApplicationScoped
public class PersonFinder {

    private final PersonDataRepository persons;

    public PersonFinder(PersonDataRepository persons) {
        this.persons = persons;
    }

    /** Sorted, so the same request always lists its persons in the same order. */
    public Uni<List<UUID>> find(ComplianceRequest request) {
        Set<UUID> found = new LinkedHashSet<>(orEmpty(request.personIds()));
        return persons.ownersOf(request.tenant(), EventFacts.normalize(request.identifiers()))
                .invoke(found::addAll)
                .chain(() -> persons.holdersOfHashes(request.tenant(),
                        request.exportHashes() == null ? List.of() : request.exportHashes().values()))
                .invoke(found::addAll)
                .chain(() -> persons.cluster(request.tenant(), found))
                .map(cluster -> cluster.stream().sorted().toList());
    }

    private static <T> Collection<T> orEmpty(Collection<T> values) {
        return values == null ? List.of() : values;
    }
}
