package io.closeloop.identity.service;

import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.ConsentSignal;
import io.closeloop.contracts.ConsentSnapshot;
import io.closeloop.contracts.ConsentState;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.identity.domain.AuditEntry;
import io.closeloop.identity.domain.ConsentPolicy;
import io.closeloop.identity.domain.ConsentRules;
import io.closeloop.identity.domain.IdentifierStrength;
import io.closeloop.identity.domain.IdentityResolver;
import io.closeloop.identity.domain.StoredSignal;
import io.closeloop.identity.messaging.ConsentStatePublisher;
import io.closeloop.identity.repository.ConsentRepository;
import io.closeloop.identity.repository.GraphRepository;
import io.closeloop.identity.repository.IdentityRepository;
import io.closeloop.identity.repository.SettingsRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps every consent signal per person and purpose, decides the consent in force for an event, and
 * publishes each person's latest state on {@code consent.states} whenever it may have changed.
 */
@ApplicationScoped
public class ConsentService {

    /** Where no signal exists yet, the latest state counts from the far future: every signal is in force. */
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final ConsentRepository consents;
    private final GraphRepository graph;
    private final IdentityRepository identities;
    private final SettingsRepository settings;
    private final ConsentStatePublisher states;
    private final AuditLog auditLog;
    private final PendingTouches pendingTouches;

    public ConsentService(ConsentRepository consents, GraphRepository graph, IdentityRepository identities,
                          SettingsRepository settings, ConsentStatePublisher states, AuditLog auditLog,
                          PendingTouches pendingTouches) {
        this.pendingTouches = pendingTouches;

        this.consents = consents;
        this.graph = graph;
        this.identities = identities;
        this.settings = settings;
        this.states = states;
        this.auditLog = auditLog;
    }

    /**
     * Stores a signal for every person its identifiers point to (a new person when none), audits it and
     * publishes the persons' latest states. Runs in the consumer's transaction.
     */
    public Uni<Void> onSignal(ConsentSignal signal) {
        String tenant = signal.tenant();
        List<IdentifierRef> ids = EventFacts.normalize(signal.identifiers());
        List<IdentifierRef> weak = ids.stream().filter(i -> !IdentifierStrength.strong(i.kind())).toList();
        Map<ConsentPurpose, String> purposes = ConsentPolicy.normalize(signal.source(), signal.purposes());
        AuditBatch audit = new AuditBatch(tenant);
        UUID[] created = new UUID[1];
        return pendingTouches.lock(tenant, weak).chain(() -> graph.owners(tenant, ids)).chain(owners -> {
            Set<UUID> persons = new LinkedHashSet<>();
            owners.values().forEach(o -> persons.add(o.personId()));
            Uni<Void> ready = Uni.createFrom().voidItem();
            if (persons.isEmpty()) {
                UUID person = IdentityResolver.resolve(ids, Map.of(), UUID::randomUUID).personId();
                persons.add(person);
                created[0] = person;
                ready = identities.createPerson(tenant, person).chain(() -> graph.attach(tenant, person, ids, 1.0));
            }
            return ready.chain(() -> Multi.createFrom().iterable(persons)
                    .onItem().transformToUniAndConcatenate(person -> Multi.createFrom().iterable(purposes.entrySet())
                            .onItem().transformToUniAndConcatenate(p -> consents.store(tenant, signal.eventId(), person,
                                    p.getKey(), p.getValue(), signal.source(), signal.region(), signal.occurredAt()))
                            .collect().last()
                            .invoke(() -> audit.add(AuditEntry.consentReceived(signal.occurredAt(), signal.eventId(),
                                    person, signal.source(), purposes)))
                            .chain(() -> publishState(tenant, person)))
                    .collect().last());
        })
                // A signal that names an anonymous journey's device makes it a person: its touches join it.
                .chain(() -> created[0] == null ? Uni.createFrom().voidItem()
                        : pendingTouches.release(tenant, weak, created[0], 1.0, audit))
                .chain(() -> audit.appendTo(auditLog));
    }

    /**
     * The consent in force at the event's time for an event of {@code person} (null: nobody known yet). The
     * region is the event's, else that of the person's latest signal; each member of a merged person without a
     * signal for a purpose contributes the default.
     */
    public Uni<ConsentPolicy.Decision> decide(UUID person, EventFacts event) {
        String tenant = event.tenant();
        Uni<List<StoredSignal>> signals = person == null
                ? Uni.createFrom().item(List.of()) : consents.signals(tenant, person);
        Uni<List<UUID>> members = person == null ? Uni.createFrom().item(List.of()) : graph.tree(tenant, person);
        return signals.chain(found -> members.chain(tree -> settings.consentRules(tenant).map(rules ->
                ConsentPolicy.decide(found, tree, rules, event.occurredAt(),
                        event.region() != null ? event.region() : latestRegion(found), event.serverSide(rules)))));
    }

    /** Publishes the person's latest state; the person must be a root. */
    public Uni<Void> publishState(String tenant, UUID person) {
        return consents.signals(tenant, person).chain(found -> found.isEmpty() ? Uni.createFrom().voidItem()
                : graph.tree(tenant, person).chain(tree -> settings.consentRules(tenant).chain(rules -> {
                    ConsentSnapshot latest = ConsentPolicy.decide(found, tree, rules, LATEST, latestRegion(found),
                            false).snapshot();
                    ConsentSnapshot snapshot = new ConsentSnapshot(latest.purposes(), latest.basis(),
                            found.stream().map(StoredSignal::occurredAt).max(Comparator.naturalOrder()).orElseThrow());
                    return states.publish(new ConsentState(tenant, person, snapshot,
                            ConsentPolicy.withdrawn(found, LATEST), Instant.now()));
                })));
    }

    /**
     * After a merge the survivor holds both persons' signals and the most restrictive per purpose wins;
     * each purpose's resulting state is audited and the survivor's new latest state published.
     */
    public Uni<Void> afterMerge(String tenant, UUID eventId, UUID survivor, UUID absorbed, AuditBatch audit) {
        return consents.signals(tenant, survivor).chain(found -> {
            if (found.stream().noneMatch(s -> s.personId() != null)) {
                return Uni.createFrom().voidItem();
            }
            return graph.tree(tenant, survivor).chain(tree -> settings.consentRules(tenant).chain(rules -> {
                ConsentSnapshot merged = ConsentPolicy.decide(found, tree, rules, LATEST, latestRegion(found),
                        false).snapshot();
                for (ConsentPurpose purpose : ConsentPurpose.values()) {
                    audit.add(new AuditEntry("consent_merge", Instant.now(), survivor, List.of(absorbed), eventId,
                            null, purpose.code(), merged.purposes().get(purpose),
                            "most restrictive of the merged persons' latest signals or defaults", null));
                }
                return publishState(tenant, survivor);
            }));
        });
    }

    public Uni<Void> countSuppressed(String tenant, Instant occurredAt, String channel) {
        return consents.countSuppressed(tenant, LocalDate.ofInstant(occurredAt, ZoneOffset.UTC),
                channel == null || channel.isBlank() ? "unknown" : channel);
    }

    private static String latestRegion(List<StoredSignal> signals) {
        return signals.stream().filter(s -> s.region() != null)
                .max(Comparator.comparing(StoredSignal::occurredAt)).map(StoredSignal::region).orElse(null);
    }
}
