package io.closeloop.identity.service;

import io.closeloop.contracts.ComplianceRequest;
import io.closeloop.identity.domain.AccessExport;
import io.closeloop.identity.domain.SubjectRequest;
import io.closeloop.identity.repository.PersonDataRepository;
import io.closeloop.identity.repository.SubjectRequestRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Assembles an access request's export from what identity holds when it is read. */
@ApplicationScoped
public class AccessExports {

    private final SubjectRequestRepository requests;
    private final PersonDataRepository persons;

    public AccessExports(SubjectRequestRepository requests, PersonDataRepository persons) {
        this.requests = requests;
        this.persons = persons;
    }

    /** The export, or null when the tenant has no access request with this id. */
    public Uni<AccessExport> export(String tenant, UUID requestId) {
        return Panache.withSession(() -> requests.find(tenant, requestId).chain(request -> {
            if (request == null || !ComplianceRequest.ACCESS.equals(request.type())) {
                return Uni.createFrom().nullItem();
            }
            return persons.cluster(tenant, request.personIds()).chain(found -> {
                List<UUID> ids = found.stream().sorted().toList();
                return persons.identifiersOf(tenant, ids).chain(identifiers -> persons.hashesOf(tenant, ids)
                        .chain(hashes -> persons.consentOf(tenant, ids)
                                .chain(consent -> persons.eventsOf(tenant, ids)
                                        .map(events -> assemble(request, ids, identifiers, hashes, consent,
                                                events)))));
            });
        }));
    }

    static AccessExport assemble(SubjectRequest request, List<UUID> ids,
                                 List<PersonDataRepository.StoredIdentifier> identifiers,
                                 List<PersonDataRepository.StoredHash> hashes,
                                 List<PersonDataRepository.StoredConsent> consent,
                                 List<PersonDataRepository.StoredEvent> events) {
        List<AccessExport.Person> people = new ArrayList<>();
        for (UUID id : ids) {
            Map<String, List<AccessExport.Identifier>> byKind = new TreeMap<>();
            identifiers.stream().filter(i -> i.personId().equals(id)).forEach(i -> byKind
                    .computeIfAbsent(i.identifier().kind().code(), k -> new ArrayList<>())
                    .add(new AccessExport.Identifier(i.identifier().value(), i.identifier().trust().code(),
                            i.firstSeenAt())));
            Map<String, List<String>> hashesByKind = new TreeMap<>();
            hashes.stream().filter(h -> h.personId().equals(id))
                    .forEach(h -> hashesByKind.computeIfAbsent(h.kind(), k -> new ArrayList<>()).add(h.hash()));
            people.add(new AccessExport.Person(id, byKind, hashesByKind,
                    consent.stream().filter(c -> c.personId().equals(id)).map(c -> new AccessExport.Consent(
                            c.purpose(), c.state(), c.source(), c.occurredAt())).toList(),
                    events.stream().filter(e -> e.personId().equals(id)).map(e -> new AccessExport.Event(
                            e.eventId(), e.kind(), e.occurredAt(), e.channel(), e.conversionId())).toList()));
        }
        List<String> notes = new ArrayList<>(List.of(AccessExport.IDENTIFIER_NOTE, AccessExport.HASH_NOTE));
        if (consent.isEmpty()) {
            notes.add(AccessExport.CONSENT_NOTE);
        }
        return new AccessExport(request.requestId(), request.tenant(), request.requestedAt(), Instant.now(),
                List.copyOf(notes), List.copyOf(people));
    }
}
