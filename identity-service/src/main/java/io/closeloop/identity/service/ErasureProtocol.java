package io.closeloop.identity.service;

import io.closeloop.contracts.ComplianceRequest;
import io.closeloop.contracts.ErasureConfirmed;
import io.closeloop.contracts.ErasureRequested;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.identity.config.ComplianceConfig;
import io.closeloop.identity.domain.AuditEntry;
import io.closeloop.identity.domain.Confirmation;
import io.closeloop.identity.domain.ErasureProgress;
import io.closeloop.identity.domain.IdentifierKey;
import io.closeloop.identity.messaging.ErasurePublisher;
import io.closeloop.identity.repository.PendingTouchRepository;
import io.closeloop.identity.repository.PersonDataRepository;
import io.closeloop.identity.repository.SubjectRequestRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Identity's part of the erasure protocol: announce every identifier the persons had on
 * {@code erasure.requested}, tombstone them, delete identity's person-level rows, confirm, and complete the
 * request once every configured service has confirmed. Runs inside the consumer's transaction.
 */
@ApplicationScoped
public class ErasureProtocol {

    static final String SERVICE = "identity";
    private static final Logger LOG = Logger.getLogger(ErasureProtocol.class);

    private final SubjectRequestRepository requests;
    private final PersonDataRepository persons;
    private final ErasureTombstones tombstones;
    private final ErasurePublisher publisher;
    private final AuditLog audit;
    private final ComplianceConfig config;
    private final PendingTouchRepository pending;

    public ErasureProtocol(SubjectRequestRepository requests, PersonDataRepository persons,
                           ErasureTombstones tombstones, ErasurePublisher publisher, AuditLog audit,
                           ComplianceConfig config, PendingTouchRepository pending) {
        this.pending = pending;
        this.requests = requests;
        this.persons = persons;
        this.tombstones = tombstones;
        this.publisher = publisher;
        this.audit = audit;
        this.config = config;
    }

    /** Erases the persons found for a request that has just been recorded. */
    public Uni<Void> erase(ComplianceRequest request, List<UUID> found) {
        String tenant = request.tenant();
        UUID requestId = request.requestId();
        Instant now = Instant.now();
        return persons.identifiersOf(tenant, found)
                .chain(stored -> persons.hashesOf(tenant, found).chain(hashes -> {
                    List<IdentifierRef> identifiers = identifiers(stored, request.identifiers());
                    ErasureRequested erasure = new ErasureRequested(tenant, requestId, found, identifiers,
                            exportHashes(hashes, request), now);
                    return publisher.requested(erasure)
                            .chain(() -> tombstones.bury(tenant, requestId, identifiers))
                            // Anonymous touches waiting on a named device or click id go with the person.
                            .chain(() -> pending.take(tenant, identifiers)).map(List::size);
                }))
                .chain(waiting -> persons.erase(tenant, found).map(rows -> rows + waiting))
                .chain(rows -> {
                    Confirmation own = new Confirmation(SERVICE, now, rows);
                    return publisher.confirmed(new ErasureConfirmed(tenant, requestId, SERVICE, now, rows))
                            .chain(() -> requests.confirm(tenant, requestId, own))
                            .chain(() -> audit.append(tenant, AuditEntry.erasureRequested(now, requestId, found,
                                    request.requestedBy())))
                            .chain(() -> audit.append(tenant, AuditEntry.erasureConfirmed(now, requestId, SERVICE,
                                    rows)));
                })
                .chain(() -> completeIfConfirmed(tenant, requestId));
    }

    /** A service's confirmation from {@code erasure.confirmed}; each service counts once. */
    public Uni<Void> confirmed(ErasureConfirmed confirmation) {
        String tenant = confirmation.tenant();
        UUID requestId = confirmation.requestId();
        return requests.find(tenant, requestId).chain(request -> {
            if (request == null || !ComplianceRequest.ERASURE.equals(request.type())) {
                LOG.warnf("tenant %s: confirmation from %s for unknown erasure %s ignored", tenant,
                        confirmation.service(), requestId);
                return Uni.createFrom().voidItem();
            }
            Confirmation received = new Confirmation(confirmation.service(), confirmation.confirmedAt(),
                    confirmation.erasedRows());
            return requests.confirm(tenant, requestId, received).chain(first -> !first
                    ? Uni.createFrom().voidItem()
                    : audit.append(tenant, AuditEntry.erasureConfirmed(Instant.now(), requestId,
                            received.service(), received.erasedRows()))
                            .chain(() -> completeIfConfirmed(tenant, requestId)));
        });
    }

    private Uni<Void> completeIfConfirmed(String tenant, UUID requestId) {
        return requests.confirmations(tenant, requestId).chain(all -> {
            ErasureProgress progress = new ErasureProgress(config.erasureServices(),
                    all.stream().map(Confirmation::service).collect(Collectors.toSet()));
            if (!progress.complete()) {
                return Uni.createFrom().voidItem();
            }
            Instant now = Instant.now();
            return requests.complete(tenant, requestId, now).chain(done -> !done
                    ? Uni.createFrom().voidItem()
                    : requests.find(tenant, requestId).chain(request -> audit.append(tenant,
                            AuditEntry.erasureCompleted(now, requestId, request.personIds()))).replaceWithVoid());
        });
    }

    private static List<String> exportHashes(List<PersonDataRepository.StoredHash> held, ComplianceRequest request) {
        Set<String> hashes = new TreeSet<>();
        held.forEach(h -> hashes.add(h.hash()));
        if (request.exportHashes() != null) {
            hashes.addAll(request.exportHashes().values());
        }
        return List.copyOf(hashes);
    }

    /** The persons' stored identifiers and those the request named, once each, strongest kind first. */
    static List<IdentifierRef> identifiers(List<PersonDataRepository.StoredIdentifier> stored,
                                           List<IdentifierRef> named) {
        Map<IdentifierKey, IdentifierRef> all = new LinkedHashMap<>();
        stored.forEach(s -> all.putIfAbsent(IdentifierKey.of(s.identifier()), s.identifier()));
        if (named != null) {
            named.forEach(n -> all.putIfAbsent(IdentifierKey.of(n), n));
        }
        // Identity keeps caller numbers as phones; raw events elsewhere may still name them as callers.
        List.copyOf(all.values()).stream().filter(i -> i.kind() == IdentifierKind.PHONE).forEach(phone -> all
                .putIfAbsent(new IdentifierKey(IdentifierKind.CALLER, phone.value()),
                        new IdentifierRef(IdentifierKind.CALLER, phone.value(), phone.trust())));
        List<IdentifierRef> ordered = new ArrayList<>(all.values());
        ordered.sort(java.util.Comparator.<IdentifierRef>comparingInt(i -> i.kind().strength())
                .thenComparing(IdentifierRef::value));
        return List.copyOf(ordered);
    }
}
