package io.closeloop.attribution.service;

import io.closeloop.attribution.domain.ConversionState;
import io.closeloop.attribution.domain.CreditSetState;
import io.closeloop.attribution.domain.JourneyTouch;
import io.closeloop.attribution.messaging.CreditPublisher;
import io.closeloop.attribution.model.AccountJourneys;
import io.closeloop.attribution.model.AttributionModel;
import io.closeloop.attribution.model.Credit;
import io.closeloop.attribution.model.Touch;
import io.closeloop.attribution.repository.ConsentRepository;
import io.closeloop.attribution.repository.ConversionRepository;
import io.closeloop.attribution.repository.CreditSetRepository;
import io.closeloop.attribution.repository.PersonLock;
import io.closeloop.attribution.repository.TouchRepository;
import io.closeloop.contracts.ConversionResolved;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.TouchpointResolved;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Keeps journeys and credits conversions. Touches and conversions arrive on two topics with no order
 * between them, so a touch may come after a conversion it precedes: every change recomputes the
 * conversions it can affect, and a credit set is published again (version n+1) only when its content
 * changed. Runs inside the consumer's transaction.
 */
@ApplicationScoped
public class JourneyService {

    private static final Logger LOG = Logger.getLogger(JourneyService.class);

    private final TouchRepository touches;
    private final ConversionRepository conversions;
    private final CreditSetRepository creditSets;
    private final ConsentRepository consents;
    private final PersonLock personLock;
    private final CreditPublisher publisher;
    private final ModelCatalog catalog;

    public JourneyService(TouchRepository touches, ConversionRepository conversions, CreditSetRepository creditSets,
                          ConsentRepository consents, PersonLock personLock, CreditPublisher publisher,
                          ModelCatalog catalog) {
        this.touches = touches;
        this.conversions = conversions;
        this.creditSets = creditSets;
        this.consents = consents;
        this.personLock = personLock;
        this.publisher = publisher;
        this.catalog = catalog;
    }

    public Uni<Void> addTouch(TouchpointResolved event) {
        JourneyTouch touch = ResolvedEvents.touch(event);
        if (!ResolvedEvents.allowsMeasurement(event)) {
            LOG.debugf("touch %s ignored: consent does not allow measurement", event.eventId());
            return Uni.createFrom().voidItem();
        }
        return personLock.lock(touch.tenant, touch.personId)
                .chain(() -> consents.withdrawnAt(touch.tenant, touch.personId))
                .chain(withdrawnAt -> {
                    if (withdrawnAt != null && !touch.occurredAt.isBefore(withdrawnAt)) {
                        LOG.debugf("touch %s ignored: the person withdrew measurement", event.eventId());
                        return Uni.createFrom().voidItem();
                    }
                    return catalog.forTenant(touch.tenant).chain(models -> touches.upsert(touch)
                            .chain(() -> conversions.affectedBy(touch.tenant, touch.personId, touch.occurredAt,
                                    touch.occurredAt.plus(models.attributor().lookback())))
                            .chain(affected -> sequentially(affected, conversion -> credit(conversion, models))));
                });
    }

    public Uni<Void> addConversion(ConversionResolved event) {
        ConversionState conversion = ResolvedEvents.conversion(event);
        return personLock.lock(conversion.tenant, conversion.personId)
                .chain(() -> conversions.upsertIfNewer(conversion))
                .chain(stored -> {
                    if (!stored) {
                        LOG.debugf("conversion %s version %s ignored: a newer one is known",
                                conversion.conversionId, event.eventId());
                        return Uni.createFrom().voidItem();
                    }
                    return catalog.forTenant(conversion.tenant).chain(models -> credit(conversion, models));
                });
    }

    /** Recomputes every conversion of the persons (after a merge or an unmerge moved their events). */
    public Uni<Void> restatePersons(String tenant, List<UUID> persons) {
        return catalog.forTenant(tenant).chain(models -> sequentially(persons, person ->
                personLock.lock(tenant, person)
                        .chain(() -> conversions.ofPerson(tenant, person))
                        .chain(list -> sequentially(list, conversion -> credit(conversion, models)))));
    }

    /** Recomputes the tenant's conversions since {@code from} (after a fit or a settings change). */
    public Uni<Integer> restateTenant(String tenant, Instant from) {
        return catalog.forTenant(tenant).chain(models -> conversions.since(tenant, from)
                .chain(list -> sequentially(list, conversion -> credit(conversion, models)).replaceWith(list.size())));
    }

    /** The touches {@code conversion} may use: its person's, and in account mode its other contacts' too. */
    public Uni<List<Touch>> journey(ConversionState conversion, TenantModels models) {
        Instant from = conversion.occurredAt.minus(models.attributor().lookback());
        List<UUID> persons = new ArrayList<>();
        persons.add(conversion.personId);
        if (models.settings().accountMode()) {
            conversion.accountPersons().stream().filter(p -> !persons.contains(p)).forEach(persons::add);
        }
        Uni<List<JourneyTouch>> rows = persons.size() == 1
                ? touches.journey(conversion.tenant, conversion.personId, from, conversion.occurredAt)
                : touches.journeys(conversion.tenant, persons, from, conversion.occurredAt);
        return rows.map(list -> AccountJourneys.union(List.of(list.stream().map(JourneyTouch::toTouch).toList())));
    }

    /** Credits {@code conversion} under every model and publishes the sets that changed. */
    Uni<Void> credit(ConversionState conversion, TenantModels models) {
        return journey(conversion, models).chain(journey -> sequentially(models.models(), model ->
                publishIfChanged(conversion, model,
                        models.attributor().attribute(model, conversion.toConversion(), journey))));
    }

    private Uni<Void> publishIfChanged(ConversionState conversion, AttributionModel model, List<Credit> credits) {
        CreditSet draft = CreditSets.of(conversion, model, credits, 0);
        return publishIfChanged(draft);
    }

    /** Publishes {@code draft} as the next version of its set unless its content equals the last one's. */
    Uni<Void> publishIfChanged(CreditSet draft) {
        String fingerprint = CreditSets.fingerprint(draft);
        return creditSets.find(draft.tenant(), draft.conversionId(), draft.modelId()).chain(state -> {
            if (state != null && state.fingerprint.equals(fingerprint)) {
                return Uni.createFrom().voidItem();
            }
            CreditSetState next = state == null ? newState(draft) : state;
            next.setVersion = state == null ? 1 : state.setVersion + 1;
            next.modelConfigVersion = draft.modelConfigVersion();
            next.status = draft.status().code();
            next.fingerprint = fingerprint;
            next.publishedAt = Instant.now();
            return creditSets.persist(next)
                    .chain(saved -> publisher.publish(CreditSets.withVersion(draft, saved.setVersion)));
        });
    }

    private static CreditSetState newState(CreditSet set) {
        CreditSetState state = new CreditSetState();
        state.tenant = set.tenant();
        state.conversionId = set.conversionId();
        state.modelId = set.modelId();
        return state;
    }

    /** Hibernate Reactive sessions allow one operation at a time, so the work is chained, never parallel. */
    static <T> Uni<Void> sequentially(List<T> items, Function<T, Uni<Void>> work) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> work.apply(item));
        }
        return chain;
    }
}
