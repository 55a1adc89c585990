package io.closeloop.identity.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.identity.domain.AuditEntry;
import io.closeloop.identity.messaging.TouchpointResolvedPublisher;
import io.closeloop.identity.repository.GraphRepository;
import io.closeloop.identity.repository.PendingTouchRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Anonymous journeys: touches whose identifiers are all weak and unknown wait here undecided, without a person,
 * until an event links one of their identifiers to a person. Then, in that event's transaction, each is judged
 * by that person's consent at the touch's own time: allowed ones join the person's journey and are published,
 * denied ones are counted as suppressed. Both sides lock the weak identifiers first, so the result does not
 * depend on which of the two arrives first.
 */
@ApplicationScoped
public class PendingTouches {

    private final PendingTouchRepository pending;
    private final GraphRepository graph;
    private final ConsentService consent;
    private final TouchpointResolvedPublisher touchpoints;

    public PendingTouches(PendingTouchRepository pending, GraphRepository graph, ConsentService consent,
                          TouchpointResolvedPublisher touchpoints) {
        this.pending = pending;
        this.graph = graph;
        this.consent = consent;
        this.touchpoints = touchpoints;
    }

    /** Before the event's identifiers are read: waits for any transaction working on its weak identifiers. */
    public Uni<Void> lock(EventFacts event) {
        return lock(event.tenant(), event.weakIdentifiers());
    }

    public Uni<Void> lock(String tenant, List<IdentifierRef> weak) {
        return pending.lock(tenant, weak);
    }

    /** Keeps an anonymous touch, pseudonymous: no match features, no export hashes. */
    public Uni<Void> keep(TouchpointRaw touch, EventFacts event) {
        TouchpointRaw stored = new TouchpointRaw(touch.tenant(), touch.eventId(), touch.touchType(),
                touch.occurredAt(), touch.sourceZone(), touch.receivedAt(), touch.channel(), touch.utm(),
                touch.clickIds(), touch.landingPage(), touch.referrer(), event.weakIdentifiers(), Map.of(),
                touch.attributes(), null);
        return pending.store(event.tenant(), touch.eventId(), touch.occurredAt(), Json.write(stored),
                event.weakIdentifiers());
    }

    /** Releases the touches waiting for the linking event's weak identifiers to {@code person}. */
    public Uni<Void> release(EventFacts linking, UUID person, double confidence, AuditBatch audit) {
        return release(linking.tenant(), linking.weakIdentifiers(), person, confidence, audit);
    }

    /** Releases the touches waiting for these weak identifiers, now attached to {@code person}. */
    public Uni<Void> release(String tenant, List<IdentifierRef> weak, UUID person, double confidence,
                             AuditBatch audit) {
        if (weak.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pending.take(tenant, weak)
                .chain(found -> Multi.createFrom().iterable(found)
                        .onItem().transformToUniAndConcatenate(p -> judge(read(p.touchJson()), person, confidence,
                                audit))
                        .collect().last())
                .replaceWithVoid();
    }

    private Uni<Void> judge(TouchpointRaw touch, UUID person, double confidence, AuditBatch audit) {
        EventFacts facts = EventFacts.of(touch);
        return consent.decide(person, facts).chain(d -> {
            boolean allowed = d.snapshot().allows(ConsentPurpose.MEASUREMENT);
            audit.add(AuditEntry.consentDecision(touch.occurredAt(), touch.eventId(), person,
                    ConsentPurpose.MEASUREMENT, allowed, d.reason() + " (anonymous journey linked)"));
            if (!allowed) {
                return consent.countSuppressed(touch.tenant(), touch.occurredAt(), touch.channel());
            }
            return graph.recordEvent(touch.tenant(), new GraphRepository.PersonEvent(touch.eventId(),
                            EventFacts.TOUCH, person, touch.occurredAt(), touch.channel(), null, null, confidence))
                    .chain(() -> touchpoints.publish(new TouchpointResolved(touch.tenant(), touch.eventId(), person,
                            confidence, d.snapshot(), touch.touchType(), touch.occurredAt(), touch.sourceZone(),
                            touch.channel(), touch.utm(), touch.clickIds(), touch.landingPage(), touch.referrer(),
                            touch.attributes())));
        });
    }

    private static TouchpointRaw read(String json) {
        try {
            return Json.read(json, TouchpointRaw.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable pending touch", e);
        }
    }
}
