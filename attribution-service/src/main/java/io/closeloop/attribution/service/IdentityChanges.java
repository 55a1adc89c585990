package io.closeloop.attribution.service;

import io.closeloop.attribution.domain.ConversionState;
import io.closeloop.attribution.model.AttributionModel;
import io.closeloop.attribution.repository.ConsentRepository;
import io.closeloop.attribution.repository.ConversionRepository;
import io.closeloop.attribution.repository.PersonAliases;
import io.closeloop.attribution.repository.PersonLock;
import io.closeloop.attribution.repository.TouchRepository;
import io.closeloop.contracts.ConsentState;
import io.closeloop.contracts.ErasureRequested;
import io.closeloop.contracts.IdentityMerge;
import io.closeloop.messaging.Eraser;
import io.closeloop.messaging.PoisonMessageException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What identity decides about persons, applied to journeys: merges and unmerges move events between
 * persons and restate the conversions involved; an erasure re-issues the person's credit sets anonymized
 * and deletes the person-level rows; a consent withdrawal stops the use of the person's later touches.
 */
@ApplicationScoped
public class IdentityChanges implements Eraser {

    static final String SERVICE = "attribution";

    private final TouchRepository touches;
    private final ConversionRepository conversions;
    private final ConsentRepository consents;
    private final PersonLock personLock;
    private final CreditRestatement journeys;
    private final ModelCatalog catalog;
    private final ExperimentService experiments;
    private final PersonAliases aliases;

    public IdentityChanges(TouchRepository touches, ConversionRepository conversions, ConsentRepository consents,
                           PersonLock personLock, CreditRestatement journeys, ModelCatalog catalog,
                           ExperimentService experiments, PersonAliases aliases) {
        this.aliases = aliases;
        this.experiments = experiments;
        this.touches = touches;
        this.conversions = conversions;
        this.consents = consents;
        this.personLock = personLock;
        this.journeys = journeys;
        this.catalog = catalog;
    }

    /**
     * A merge moves every touch and conversion of the absorbed person to the survivor and restates the
     * survivor's conversions (their sets now name the survivor and may gain touches); an unmerge moves the
     * listed events back and restates both persons.
     */
    public Uni<Void> apply(IdentityMerge merge) {
        if (merge.survivorPersonId() == null || merge.absorbedPersonId() == null) {
            throw new PoisonMessageException("a merge needs both the survivor and the absorbed person");
        }
        String tenant = merge.tenant();
        UUID survivor = merge.survivorPersonId();
        UUID absorbed = merge.absorbedPersonId();
        // Both locks, in a fixed order, so a merge never deadlocks with work on either person.
        UUID first = survivor.compareTo(absorbed) < 0 ? survivor : absorbed;
        UUID second = first == survivor ? absorbed : survivor;
        Uni<Void> locked = personLock.lock(tenant, first).chain(() -> personLock.lock(tenant, second));
        if (IdentityMerge.MERGE.equals(merge.type())) {
            return locked.chain(() -> aliases.merged(tenant, absorbed, survivor))
                    .chain(() -> touches.move(tenant, absorbed, survivor, List.of()))
                    .chain(() -> conversions.move(tenant, absorbed, survivor, List.of()))
                    .chain(() -> journeys.restatePersons(tenant, List.of(survivor)));
        }
        if (IdentityMerge.UNMERGE.equals(merge.type())) {
            if (merge.eventIds() == null || merge.eventIds().isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return locked.chain(() -> aliases.unmerged(tenant, absorbed))
                    .chain(() -> touches.move(tenant, survivor, absorbed, merge.eventIds()))
                    .chain(() -> conversions.move(tenant, survivor, absorbed, merge.eventIds()))
                    .chain(() -> journeys.restatePersons(tenant, List.of(survivor, absorbed)));
        }
        throw new PoisonMessageException("unknown merge type: " + merge.type());
    }

    /**
     * Re-issues every credit set of the persons' conversions as {@code anonymized} (credits kept, person and
     * touch ids removed) and deletes their touches, conversions and consent rows; the shared erasure
     * participation confirms with the number of deleted rows.
     */
    @Override
    public Uni<Long> erase(ErasureRequested request) {
        String tenant = request.tenant();
        List<UUID> persons = request.personIds() == null ? List.of() : request.personIds();
        AtomicLong erased = new AtomicLong();
        return catalog.forTenant(tenant)
                .chain(models -> CreditRestatement.sequentially(persons, person -> personLock.lock(tenant, person)
                        .chain(() -> conversions.ofPerson(tenant, person))
                        .chain(list -> CreditRestatement.sequentially(list, conversion -> anonymize(conversion, models)))
                        .chain(() -> touches.delete("tenant = ?1 and personId = ?2", tenant, person))
                        .invoke(erased::addAndGet)
                        .chain(() -> conversions.delete("tenant = ?1 and personId = ?2", tenant, person))
                        .invoke(erased::addAndGet)
                        .chain(() -> consents.restore(tenant, person))))
                .chain(() -> experiments.erase(tenant, persons))
                .invoke(erased::addAndGet)
                .map(ignored -> erased.get());
    }

    @Override
    public String service() {
        return SERVICE;
    }

    private Uni<Void> anonymize(ConversionState conversion, TenantModels models) {
        return journeys.journey(conversion, models).chain(journey -> CreditRestatement.sequentially(models.models(),
                (AttributionModel model) -> journeys.publishIfChanged(CreditSets.anonymized(CreditSets.of(conversion,
                        model, models.attributor().attribute(model, conversion.toConversion(), journey), 0)))));
    }

    /** A withdrawal stops the use of touches from its time on; a grant lifts it for later touches. */
    public Uni<Void> apply(ConsentState state) {
        if (state.personId() == null) {
            throw new PoisonMessageException("a consent state needs a person");
        }
        if (state.withdrawn()) {
            Instant at = state.updatedAt() != null ? state.updatedAt() : Instant.now();
            return consents.withdraw(state.tenant(), state.personId(), at);
        }
        return consents.restore(state.tenant(), state.personId());
    }
}
