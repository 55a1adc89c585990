package io.closeloop.identity.service;

import io.closeloop.common.InvalidInputException;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.IdentityMerge;
import io.closeloop.identity.domain.AuditEntry;
import io.closeloop.identity.domain.GuardLimits;
import io.closeloop.identity.domain.IdentifierKey;
import io.closeloop.identity.domain.MergePlanner;
import io.closeloop.identity.messaging.MergePublisher;
import io.closeloop.identity.repository.GraphRepository;
import io.closeloop.identity.repository.ReviewRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Merges the persons an event points to (within the trust rules and the over-merge guard), keeps the
 * review list of held-back merges, and undoes merges. Every merge and unmerge is announced on
 * {@code identity.merges} and audited.
 */
@ApplicationScoped
public class MergeService {

    private final GraphRepository graph;
    private final ReviewRepository reviews;
    private final MergePublisher merges;
    private final ConsentService consent;
    private final AuditLog auditLog;

    public MergeService(GraphRepository graph, ReviewRepository reviews, MergePublisher merges,
                        ConsentService consent, AuditLog auditLog) {
        this.graph = graph;
        this.reviews = reviews;
        this.merges = merges;
        this.consent = consent;
        this.auditLog = auditLog;
    }

    public record Unmerged(UUID survivorPersonId, UUID restoredPersonId, List<UUID> eventIds) {
    }

    /**
     * Merges what may be merged of {@code primary} and {@code others} and returns the survivor, which the
     * event resolves to; held-back merges go to the review list (or, for the trust rule, only to the audit).
     */
    public Uni<UUID> mergeCandidates(String tenant, UUID eventId, UUID primary, Set<UUID> others,
                                     List<IdentifierRef> identifiers, Map<IdentifierKey, UUID> owners,
                                     GuardLimits limits, AuditBatch audit) {
        Set<UUID> persons = new LinkedHashSet<>();
        persons.add(primary);
        persons.addAll(others);
        List<String> devices = identifiers.stream().filter(i -> i.kind() == IdentifierKind.DEVICE)
                .map(IdentifierRef::value).distinct().toList();
        return graph.sightDevices(tenant, primary, devices)
                .chain(sharing -> graph.profiles(tenant, persons).map(profiles ->
                        MergePlanner.plan(primary, profiles, identifiers, owners, sharing, limits)))
                .chain(plan -> Multi.createFrom().iterable(plan.merges())
                        .onItem().transformToUniAndConcatenate(m -> merge(tenant, eventId, plan.survivor(),
                                m.absorbed(), m.reason(), audit))
                        .collect().last()
                        .chain(() -> Multi.createFrom().iterable(plan.blocked())
                                .onItem().transformToUniAndConcatenate(b -> {
                                    audit.add(AuditEntry.mergeBlocked(Instant.now(), eventId, primary,
                                            b.otherPerson(), b.rule()));
                                    return b.review()
                                            ? reviews.create(tenant, eventId, primary, b.otherPerson(), b.rule())
                                            : Uni.createFrom().voidItem();
                                })
                                .collect().last())
                        .replaceWith(plan.survivor()));
    }

    public Uni<List<ReviewRepository.Review>> reviews(String tenant, String status) {
        return Panache.withSession(() -> reviews.list(tenant, status));
    }

    /** Merges a held-back pair as the admin approved; a pair that is one person already stays as it is. */
    public Uni<ReviewRepository.Review> approve(String tenant, UUID reviewId, String admin) {
        AuditBatch audit = new AuditBatch(tenant);
        return Panache.withTransaction(() -> pending(tenant, reviewId)
                .call(review -> graph.root(tenant, review.personId()).chain(a -> graph.root(tenant,
                        review.otherPersonId()).chain(b -> a.equals(b) ? Uni.createFrom().voidItem()
                        : graph.profiles(tenant, List.of(a, b)).chain(profiles -> {
                            UUID survivor = MergePlanner.survivor(profiles.get(a), profiles.get(b));
                            UUID absorbed = survivor.equals(a) ? b : a;
                            return merge(tenant, review.eventId(), survivor, absorbed,
                                    "approved:" + review.rule(), audit);
                        }))))
                .call(review -> reviews.decide(tenant, reviewId, ReviewRepository.APPROVED, admin))
                .call(() -> audit.appendTo(auditLog))
                .chain(() -> reviews.lock(tenant, reviewId)));
    }

    public Uni<ReviewRepository.Review> reject(String tenant, UUID reviewId, String admin) {
        return Panache.withTransaction(() -> pending(tenant, reviewId)
                .call(() -> reviews.decide(tenant, reviewId, ReviewRepository.REJECTED, admin))
                .call(review -> auditLog.append(tenant, new AuditEntry("merge_rejected", Instant.now(),
                        review.personId(), List.of(review.otherPersonId()), review.eventId(), null, null,
                        ReviewRepository.REJECTED, review.rule(), admin == null ? null : Map.of("decided_by", admin))))
                .chain(() -> reviews.lock(tenant, reviewId)));
    }

    /**
     * Restores {@code absorbed} with the identifiers and events it brought, announces an unmerge listing
     * those event ids, and republishes both persons' consent.
     */
    public Uni<Unmerged> unmerge(String tenant, UUID survivor, UUID absorbed, String admin) {
        AuditBatch audit = new AuditBatch(tenant);
        return Panache.withTransaction(() -> graph.parent(tenant, absorbed)
                .invoke(parent -> {
                    if (!survivor.equals(parent)) {
                        throw new InvalidInputException("absorbedPersonId",
                                "was not merged into person " + survivor);
                    }
                })
                .chain(() -> graph.split(tenant, absorbed))
                .call(events -> {
                    Instant now = Instant.now();
                    UUID messageId = UUID.randomUUID();
                    audit.add(AuditEntry.unmerge(now, messageId, survivor, absorbed, events,
                            "admin unmerge" + (admin == null ? "" : " by " + admin)));
                    return merges.publish(new IdentityMerge(tenant, messageId, IdentityMerge.UNMERGE, survivor,
                            absorbed, events, "admin_unmerge", now));
                })
                .call(() -> graph.root(tenant, survivor).chain(root -> consent.publishState(tenant, root)))
                .call(() -> consent.publishState(tenant, absorbed))
                .call(() -> audit.appendTo(auditLog))
                .map(events -> new Unmerged(survivor, absorbed, events)));
    }

    private Uni<Void> merge(String tenant, UUID eventId, UUID survivor, UUID absorbed, String reason,
                            AuditBatch audit) {
        Instant now = Instant.now();
        UUID messageId = UUID.randomUUID();
        audit.add(AuditEntry.merge(now, eventId, survivor, absorbed, reason));
        return graph.merge(tenant, survivor, absorbed)
                .chain(() -> merges.publish(new IdentityMerge(tenant, messageId, IdentityMerge.MERGE, survivor,
                        absorbed, List.of(), reason, now)))
                .chain(() -> consent.afterMerge(tenant, eventId, survivor, absorbed, audit));
    }

    private Uni<ReviewRepository.Review> pending(String tenant, UUID reviewId) {
        return reviews.lock(tenant, reviewId).invoke(review -> {
            if (review == null) {
                throw new NotFoundException("no review " + reviewId);
            }
            if (!ReviewRepository.PENDING.equals(review.status())) {
                throw new InvalidInputException("reviewId", "was already " + review.status());
            }
        });
    }

    static Map<IdentifierKey, UUID> persons(Map<IdentifierKey, GraphRepository.Owner> owners) {
        Map<IdentifierKey, UUID> persons = new HashMap<>();
        owners.forEach((key, owner) -> persons.put(key, owner.personId()));
        return persons;
    }
}
