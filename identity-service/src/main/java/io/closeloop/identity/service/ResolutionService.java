package io.closeloop.identity.service;

import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.ConversionResolved;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.identity.domain.ConsentDefaults;
import io.closeloop.identity.domain.IdentifierKey;
import io.closeloop.identity.domain.IdentityResolver;
import io.closeloop.identity.messaging.ConversionResolvedPublisher;
import io.closeloop.identity.messaging.TouchpointResolvedPublisher;
import io.closeloop.identity.repository.IdentityRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stitches raw events to persons and publishes them resolved. Runs inside the consumer's transaction,
 * so the identifiers, the processed-message mark and the outbox rows commit together.
 */
@ApplicationScoped
public class ResolutionService {

    private static final Logger LOG = Logger.getLogger(ResolutionService.class);
    /** Deterministic links only for now; probabilistic links carry their lower confidence. */
    static final double DETERMINISTIC = 1.0;

    private final IdentityRepository identities;
    private final TouchpointResolvedPublisher touchpoints;
    private final ConversionResolvedPublisher conversions;
    private final PersonActivity activity;

    public ResolutionService(IdentityRepository identities, TouchpointResolvedPublisher touchpoints,
                             ConversionResolvedPublisher conversions, PersonActivity activity) {
        this.identities = identities;
        this.touchpoints = touchpoints;
        this.conversions = conversions;
        this.activity = activity;
    }

    public Uni<Void> resolveTouchpoint(TouchpointRaw touch) {
        return person(touch.tenant(), touch.identifiers())
                .call(person -> identities.countTouch(touch.tenant(), person))
                .call(person -> activity.touch(touch, person, DETERMINISTIC))
                .chain(person -> touchpoints.publish(new TouchpointResolved(touch.tenant(), touch.eventId(), person,
                        DETERMINISTIC, ConsentDefaults.serverSide(touch.occurredAt()), touch.touchType(),
                        touch.occurredAt(), touch.sourceZone(), touch.channel(), touch.utm(), touch.clickIds(),
                        touch.landingPage(), touch.referrer())));
    }

    public Uni<Void> resolveConversion(ConversionRaw conversion) {
        return person(conversion.tenant(), conversion.identifiers())
                .call(person -> activity.conversion(conversion, person, DETERMINISTIC))
                .chain(person -> identities.touchCount(conversion.tenant(), person)
                        .chain(touches -> conversions.publish(new ConversionResolved(conversion.tenant(),
                                conversion.eventId(), person, DETERMINISTIC,
                                ConsentDefaults.serverSide(conversion.occurredAt()), touches > 0,
                                conversion.conversionId(), conversion.conversionType(), conversion.status(),
                                conversion.occurredAt(), conversion.sourceZone(), conversion.value(),
                                conversion.exportHashes()))));
    }

    private Uni<UUID> person(String tenant, List<IdentifierRef> identifiers) {
        List<IdentifierRef> ids = identifiers == null ? List.of() : identifiers;
        return identities.owners(tenant, ids).chain(known -> {
            IdentityResolver.Decision decision = IdentityResolver.resolve(ids, known, UUID::randomUUID);
            if (!decision.otherPersons().isEmpty()) {
                LOG.debugf("tenant %s: event links person %s to %s; merging is left to the merge rules",
                        tenant, decision.personId(), decision.otherPersons());
            }
            Uni<Void> created = decision.newPerson()
                    ? identities.createPerson(tenant, decision.personId())
                    : Uni.createFrom().voidItem();
            return created
                    .chain(() -> identities.attach(tenant, decision.personId(), decision.toAttach()))
                    .chain(() -> confirmOwner(tenant, decision, ids))
                    .replaceWith(decision.personId());
        });
    }

    /**
     * Another writer may have claimed one of our new identifiers between our read and our insert; then
     * this transaction fails and the consumer retries it, finding the winner's person.
     */
    private Uni<Void> confirmOwner(String tenant, IdentityResolver.Decision decision, List<IdentifierRef> ids) {
        if (!decision.newPerson() || decision.toAttach().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        IdentifierRef strongest = decision.toAttach().get(0);
        return identities.owner(tenant, strongest).invoke(owner -> {
            if (!decision.personId().equals(owner)) {
                throw new ConcurrentResolutionException(tenant, IdentifierKey.of(strongest));
            }
        }).replaceWithVoid();
    }
}
