package io.closeloop.attribution.service;

import io.closeloop.attribution.domain.ConversionState;
import io.closeloop.attribution.domain.ConversionVersions;
import io.closeloop.attribution.domain.CreditSetState;
import io.closeloop.attribution.domain.JourneyTouch;
import io.closeloop.attribution.messaging.CreditPublisher;
import io.closeloop.attribution.model.AccountJourneys;
import io.closeloop.attribution.model.Conversion;
import io.closeloop.attribution.model.Touch;
import io.closeloop.attribution.repository.ConsentRepository;
import io.closeloop.attribution.repository.ConversionRepository;
import io.closeloop.attribution.repository.CreditSetRepository;
import io.closeloop.attribution.repository.PersonLock;
import io.closeloop.attribution.repository.TouchRepository;
import io.closeloop.contracts.ConversionChange;
import io.closeloop.contracts.ConversionResolved;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.TouchpointResolved;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Credits conversions and restates their credit sets as new versions. Touches and conversions arrive on two topics with no order
 * between them, so a touch may come after a conversion it precedes: every change recomputes the
 * conversions it can affect, and a credit set is published again (version n+1) only when its content
 * changed. Runs inside the consumer's transaction.
 */
@ApplicationScoped
public class CreditRestatement {

    private static final Logger LOG = Logger.getLogger(CreditRestatement.class);
    /** The longest lookback a conversion type may have (ingest's limit). */
    static final Duration LONGEST_TYPE_LOOKBACK = Duration.ofDays(3650);

    private final TouchRepository touches;
    private final ConversionRepository conversions;
    private final CreditSetRepository creditSets;
    private final ConsentRepository consents;
    private final PersonLock personLock;
    private final CreditPublisher publisher;
    private final ModelCatalog catalog;
    private final BaseValues baseValues;
    private final PendingRefunds pendingRefunds;

    public CreditRestatement(TouchRepository touches, ConversionRepository conversions, CreditSetRepository creditSets,
                          ConsentRepository consents, PersonLock personLock, CreditPublisher publisher,
                          ModelCatalog catalog, BaseValues baseValues, PendingRefunds pendingRefunds) {
        this.baseValues = baseValues;
        this.pendingRefunds = pendingRefunds;
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
        return personLock.lockCurrent(touch.tenant, touch.personId)
                .invoke(person -> touch.personId = person)
                .chain(() -> consents.withdrawnAt(touch.tenant, touch.personId))
                .chain(withdrawnAt -> {
                    if (withdrawnAt != null && !touch.occurredAt.isBefore(withdrawnAt)) {
                        LOG.debugf("touch %s ignored: the person withdrew measurement", event.eventId());
                        return Uni.createFrom().voidItem();
                    }
                    return catalog.forTenant(touch.tenant).chain(models -> touches.upsert(touch)
                            .chain(() -> conversions.affectedBy(touch.tenant, touch.personId, touch.occurredAt,
                                    touch.occurredAt.plus(widest(models))))
                            .map(affected -> affected.stream().filter(conversion -> !touch.occurredAt.isBefore(
                                    conversion.occurredAt.minus(lookback(conversion, models)))).toList())
                            .chain(affected -> sequentially(affected, conversion -> credit(conversion, models))));
                });
    }

    /**
     * Combines the record with the conversion's stored versions ({@link ConversionVersions}: whole versions, value
     * changes, refunds), values it in the base currency from the known FX rates ({@link BaseValues}), and credits it.
     */
    public Uni<Void> addConversion(ConversionResolved event) {
        ConversionState incoming = ResolvedEvents.conversion(event);
        String change = ResolvedEvents.change(event);
        return personLock.lockCurrent(incoming.tenant, incoming.personId)
                .invoke(person -> incoming.personId = person)
                .chain(() -> conversions.findForUpdate(incoming.tenant, incoming.conversionId))
                .chain(stored -> {
                    if (stored == null && ConversionChange.REFUND.equals(change)) {
                        return pendingRefunds.keep(incoming);
                    }
                    ConversionState next = ConversionVersions.apply(stored, incoming, change);
                    if (next == null) {
                        LOG.debugf("conversion %s version %s ignored: a newer one is known",
                                incoming.conversionId, event.eventId());
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> refunded = stored == null ? pendingRefunds.applyTo(next) : Uni.createFrom().voidItem();
                    return refunded.chain(() -> baseValues.revalue(next))
                            .chain(() -> conversions.persistAndFlush(next))
                            .chain(() -> catalog.forTenant(next.tenant))
                            .chain(models -> credit(next, models));
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
        Instant from = conversion.occurredAt.minus(lookback(conversion, models));
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

    /** The window of the conversion: its type's own from ingest, else the tenant's for its type, else the default. */
    static Duration lookback(ConversionState conversion, TenantModels models) {
        return models.attributor().options().lookbackFor(conversion.toConversion());
    }

    /** How far after a touch a conversion it may count for can lie: the tenant's widest window or a type's. */
    private static Duration widest(TenantModels models) {
        Duration tenant = models.attributor().lookback();
        return tenant.compareTo(LONGEST_TYPE_LOOKBACK) > 0 ? tenant : LONGEST_TYPE_LOOKBACK;
    }

    /**
     * Credits {@code conversion} under every model and publishes the sets that changed. A conversion that does not
     * count (a funnel stage) has no active set: an earlier set is withdrawn, and none is published where none was.
     */
    Uni<Void> credit(ConversionState conversion, TenantModels models) {
        return journey(conversion, models).chain(journey -> {
            Conversion credited = conversion.toConversion();
            boolean matched = !models.attributor().path(credited, journey).isEmpty();
            return sequentially(models.models(), model -> {
                CreditSet draft = CreditSets.of(conversion, model,
                        models.attributor().attribute(model, credited, journey), 0, matched);
                boolean funnelOnly = !conversion.counts && !credited.withdrawn();
                return funnelOnly ? withdrawIfPublished(draft) : publishIfChanged(draft);
            });
        });
    }

    private Uni<Void> withdrawIfPublished(CreditSet draft) {
        return creditSets.find(draft.tenant(), draft.conversionId(), draft.modelId())
                .chain(state -> state == null ? Uni.createFrom().voidItem() : publishIfChanged(draft));
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
