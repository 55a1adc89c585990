package io.closeloop.identity.service;

import io.closeloop.contracts.ComplianceRequest;
import io.closeloop.identity.domain.AuditEntry;
import io.closeloop.identity.domain.SubjectRequest;
import io.closeloop.identity.repository.SubjectRequestRepository;
import io.closeloop.messaging.PoisonMessageException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes ownership of the data-subject requests ingest forwards. An erasure starts the erasure protocol; an
 * access request is answered by identity alone, so it is complete as soon as its persons are known (the export
 * is assembled when it is read). A request id seen before changes nothing.
 */
@ApplicationScoped
public class SubjectRequests {

    static final String ACCESS_REQUESTED = "access_requested";

    private final SubjectRequestRepository requests;
    private final PersonFinder finder;
    private final ErasureProtocol erasure;
    private final AuditLog audit;

    public SubjectRequests(SubjectRequestRepository requests, PersonFinder finder, ErasureProtocol erasure,
                           AuditLog audit) {
        this.requests = requests;
        this.finder = finder;
        this.erasure = erasure;
        this.audit = audit;
    }

    public Uni<Void> accept(ComplianceRequest request) {
        validate(request);
        boolean erase = ComplianceRequest.ERASURE.equals(request.type());
        return finder.find(request).chain(found -> {
            Instant now = Instant.now();
            SubjectRequest stored = new SubjectRequest(request.tenant(), request.requestId(), request.type(),
                    erase ? SubjectRequest.IN_PROGRESS : SubjectRequest.COMPLETE, request.requestedAt(),
                    request.requestedBy(), found, erase ? null : now);
            return requests.insert(stored).chain(first -> {
                if (!first) {
                    return Uni.createFrom().voidItem();
                }
                return erase ? erasure.erase(request, found) : auditAccess(request, found, now);
            });
        });
    }

    private Uni<Void> auditAccess(ComplianceRequest request, List<UUID> found, Instant now) {
        AuditEntry entry = new AuditEntry(ACCESS_REQUESTED, now, found.isEmpty() ? null : found.get(0),
                found.size() < 2 ? List.of() : found.subList(1, found.size()), null, null, null, "completed", null,
                requestedBy(request));
        return audit.append(request.tenant(), entry).replaceWithVoid();
    }

    private static Map<String, String> requestedBy(ComplianceRequest request) {
        return request.requestedBy() == null ? Map.of("request_id", request.requestId().toString())
                : Map.of("request_id", request.requestId().toString(), "requested_by", request.requestedBy());
    }

    private static void validate(ComplianceRequest request) {
        if (request.requestId() == null) {
            throw new PoisonMessageException("compliance request has no requestId");
        }
        if (!ComplianceRequest.ERASURE.equals(request.type()) && !ComplianceRequest.ACCESS.equals(request.type())) {
            throw new PoisonMessageException("compliance request type must be erasure or access: " + request.type());
        }
        if (request.requestedAt() == null) {
            throw new PoisonMessageException("compliance request has no requestedAt");
        }
        if (request.identifiers() != null && request.identifiers().stream()
                .anyMatch(i -> i == null || i.kind() == null || i.value() == null || i.trust() == null)) {
            throw new PoisonMessageException("compliance request has an incomplete identifier");
        }
    }
}
