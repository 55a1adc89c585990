package io.closeloop.identity.service;

import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.ConsentSnapshot;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.identity.domain.AuditEntry;
import io.closeloop.identity.domain.BlockingKeys;
import io.closeloop.identity.domain.ConsentPolicy;
import io.closeloop.identity.domain.GuardLimits;
import io.closeloop.identity.domain.IdentifierKey;
import io.closeloop.identity.domain.IdentifierStrength;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.identity.domain.IdentityResolver;
import io.closeloop.identity.domain.PersonProfile;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.identity.repository.FeatureRepository;
import io.closeloop.identity.repository.GraphRepository;
import io.closeloop.identity.repository.GraphRepository.Owner;
import io.closeloop.identity.repository.IdentityRepository;
import io.closeloop.identity.repository.SettingsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Stitches one raw event to a person, in the consumer's transaction: finds the person (by identifiers,
 * else probabilistically), decides consent at the event's time and creates, merges and attaches.
 *
 * <p>A touch without measurement consent leaves nothing but an anonymous count and the audited decision. A
 * conversion is a business record: it is always stitched and carries the consent in force, which decides only
 * touches. A touch whose identifiers are all weak and unknown belongs to no person yet: it waits, undecided,
 * for the event that links one of its identifiers ({@link PendingTouches}).
 */
@ApplicationScoped
public class EventStitcher {

    /** The most candidates one record is scored against. */
    static final int MAX_CANDIDATES = 50;

    private final GraphRepository graph;
    private final IdentityRepository identities;
    private final FeatureRepository features;
    private final SettingsRepository settings;
    private final ConsentService consent;
    private final MergeService merges;
    private final ProbabilisticMatcher matcher;
    private final PendingTouches pending;

    public EventStitcher(GraphRepository graph, IdentityRepository identities, FeatureRepository features,
                         SettingsRepository settings, ConsentService consent, MergeService merges,
                         ProbabilisticMatcher matcher, PendingTouches pending) {
        this.graph = graph;
        this.identities = identities;
        this.features = features;
        this.settings = settings;
        this.consent = consent;
        this.merges = merges;
        this.matcher = matcher;
        this.pending = pending;
    }

    /** The person an allowed event belongs to, its link confidence and the consent that let it through. */
    public record Stitched(UUID personId, double linkConfidence, ConsentSnapshot consent) {
    }

    private record Match(UUID personId, double confidence) {
    }

    /** Null when the touch was suppressed for lack of measurement consent, or waits as an anonymous journey. */
    public Uni<Stitched> stitch(EventFacts event, AuditBatch audit) {
        return stitch(event, null, audit);
    }

    /** @param touch the raw touch, kept if it starts or continues an anonymous journey; null for other kinds */
    public Uni<Stitched> stitch(EventFacts event, TouchpointRaw touch, AuditBatch audit) {
        String tenant = event.tenant();
        return pending.lock(event).chain(() -> settings.limits(tenant)).chain(limits -> graph.owners(tenant,
                event.identifiers()).chain(owners -> strongPersons(event, owners).chain(strong -> {
            Map<IdentifierKey, UUID> known = MergeService.persons(owners);
            IdentityResolver.Decision decision = IdentityResolver.resolve(event.identifiers(), known, strong,
                    UUID::randomUUID);
            Map<IdentifierKey, Owner> used = used(owners, decision);
            Uni<Match> match = decision.newPerson() ? probabilistic(event, limits) : Uni.createFrom().nullItem();
            return match.chain(found -> {
                if (found == null && decision.newPerson() && event.anonymousTouch() && touch != null) {
                    return pending.keep(touch, event).replaceWith((Stitched) null);
                }
                UUID person = found != null ? found.personId() : decision.personId();
                boolean known1 = found != null || !decision.newPerson();
                return consent.decide(known1 ? person : null, event).chain(d -> {
                    boolean allowed = d.snapshot().allows(ConsentPurpose.MEASUREMENT);
                    if (event.isConversion()) {
                        return write(event, decision, used, found, limits, audit, d);
                    }
                    audit.add(AuditEntry.consentDecision(event.occurredAt(), event.eventId(),
                            known1 ? person : null, ConsentPurpose.MEASUREMENT, allowed, d.reason()));
                    if (!allowed) {
                        return consent.countSuppressed(tenant, event.occurredAt(), event.channel())
                                .replaceWith((Stitched) null);
                    }
                    return write(event, decision, used, found, limits, audit, d);
                });
            });
        })));
    }

    /** The known persons that hold a strong identifier, when the event's weak identifiers point to any. */
    private Uni<Set<UUID>> strongPersons(EventFacts event, Map<IdentifierKey, Owner> owners) {
        if (!event.hasStrong()) {
            return Uni.createFrom().item(Set.of());
        }
        Set<UUID> viaWeak = new HashSet<>();
        event.weakIdentifiers().forEach(i -> {
            Owner owner = owners.get(IdentifierKey.of(i));
            if (owner != null) {
                viaWeak.add(owner.personId());
            }
        });
        if (viaWeak.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return graph.profiles(event.tenant(), viaWeak).map(profiles -> profiles.values().stream()
                .filter(PersonProfile::holdsStrong).map(PersonProfile::personId).collect(Collectors.toSet()));
    }

    /** The owners the decision resolves through or merges; identifiers it set aside stay out of the event. */
    private static Map<IdentifierKey, Owner> used(Map<IdentifierKey, Owner> owners, IdentityResolver.Decision decision) {
        Map<IdentifierKey, Owner> used = new HashMap<>();
        owners.forEach((key, owner) -> {
            if (owner.personId().equals(decision.personId()) || decision.otherPersons().contains(owner.personId())) {
                used.put(key, owner);
            }
        });
        return used;
    }

    private Uni<Stitched> write(EventFacts event, IdentityResolver.Decision decision, Map<IdentifierKey, Owner> owners,
                                Match match, GuardLimits limits, AuditBatch audit, ConsentPolicy.Decision consentUsed) {
        String tenant = event.tenant();
        Owner via = strongestKnown(event.identifiers(), owners);
        double confidence = match != null ? match.confidence() : via != null ? via.confidence() : 1.0;
        boolean create = match == null && decision.newPerson();
        UUID primary = match != null ? match.personId() : decision.personId();
        Uni<Void> created = create ? identities.createPerson(tenant, primary) : Uni.createFrom().voidItem();
        return created
                .chain(() -> decision.otherPersons().isEmpty() ? Uni.createFrom().item(primary)
                        : merges.mergeCandidates(tenant, event.eventId(), primary, decision.otherPersons(),
                                event.identifiers(), MergeService.persons(owners), limits, audit))
                .call(person -> graph.attach(tenant, person, decision.toAttach(), confidence))
                .call(person -> graph.recordEvent(tenant, new GraphRepository.PersonEvent(event.eventId(),
                        event.kind(), via != null ? via.originPersonId() : person, event.occurredAt(), event.touchChannel(),
                        event.conversionId(), event.conversionType(), confidence)))
                .call(person -> event.matchFeatures().isEmpty() ? Uni.createFrom().voidItem()
                        : features.store(tenant, event.eventId(), person, event.matchFeatures(),
                                BlockingKeys.of(event.matchFeatures())))
                .call(person -> pending.release(event, person, confidence, audit))
                .map(person -> new Stitched(person, confidence, consentUsed.snapshot()));
    }

    /**
     * Best-scoring person among the records sharing a blocking key, if it reaches the tenant's threshold. Scores
     * with the tenant's stored model; training records are never read here (fits run apart, see
     * {@link MatchModels}).
     */
    private Uni<Match> probabilistic(EventFacts event, GuardLimits limits) {
        List<String> keys = BlockingKeys.of(event.matchFeatures());
        // A threshold of 1 acts like the switch: no probabilistic link, however strong the evidence.
        if (keys.isEmpty() || !limits.probabilisticMatching() || limits.matchThreshold() >= 1) {
            return Uni.createFrom().nullItem();
        }
        return matcher.scorer(event.tenant()).chain(scorer -> features.candidates(event.tenant(), keys,
                        MAX_CANDIDATES).map(candidates -> candidates.stream()
                        .map(c -> new Match(c.personId(), scorer.score(event.matchFeatures(), c.features())))
                        .filter(m -> m.confidence() >= limits.matchThreshold())
                        .sorted(Comparator.comparingDouble(Match::confidence).reversed()
                                .thenComparing(m -> m.personId().toString()))
                        .toList()))
                .chain(ranked -> ranked.isEmpty() || !event.hasStrong() ? Uni.createFrom().item(first(ranked))
                        // An event naming a strong identifier never joins a person holding another one of the
                        // same kind (two emails, two phones): a form with a phone may join the person of an
                        // earlier form with an email, never a person with another email.
                        : graph.strongKinds(event.tenant(), ranked.stream().map(Match::personId).distinct().toList())
                                .map(kinds -> first(ranked.stream().filter(m -> disjoint(strongKinds(event),
                                        kinds.getOrDefault(m.personId(), Set.of()))).toList())));
    }

    private static Set<String> strongKinds(EventFacts event) {
        return event.identifiers().stream().filter(i -> IdentifierStrength.strong(i.kind()))
                .map(i -> i.kind() == IdentifierKind.CALLER ? IdentifierKind.PHONE.code() : i.kind().code())
                .collect(Collectors.toSet());
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return a.stream().noneMatch(b::contains);
    }

    private static Match first(List<Match> ranked) {
        return ranked.isEmpty() ? null : ranked.get(0);
    }

    /**
     * Another writer may have claimed one of our new identifiers between our read and our insert; then
     * this transaction fails and the consumer retries it, finding the winner's person.
     */
    private static Owner strongestKnown(List<IdentifierRef> identifiers, Map<IdentifierKey, Owner> owners) {
        return identifiers.stream()
                .sorted(Comparator.comparingInt(i -> i.kind().strength()))
                .map(i -> owners.get(IdentifierKey.of(i)))
                .filter(o -> o != null)
                .findFirst().orElse(null);
    }
}
