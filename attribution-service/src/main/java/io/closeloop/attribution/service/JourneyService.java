package io.closeloop.attribution.service;

import io.closeloop.attribution.domain.ConversionState;
import io.closeloop.attribution.domain.CreditSetState;
import io.closeloop.attribution.domain.JourneyTouch;
import io.closeloop.attribution.messaging.CreditPublisher;
import io.closeloop.attribution.model.AttributionModel;
import io.closeloop.attribution.model.Credit;
import io.closeloop.attribution.model.Touch;
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
import java.util.List;
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
    private final PersonLock personLock;
    private final CreditPublisher publisher;
    private final ModelCatalog catalog;

    public JourneyService(TouchRepository touches, ConversionRepository conversions, CreditSetRepository creditSets,
                          PersonLock personLock, CreditPublisher publisher, ModelCatalog catalog) {
        this.touches = touches;
        this.conversions = conversions;
        this.creditSets = creditSets;
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
        Instant until = touch.occurredAt.plus(catalog.attributor().lookback());
        return personLock.lock(touch.tenant, touch.personId)
                .chain(() -> touches.upsert(touch))
                .chain(() -> conversions.affectedBy(touch.tenant, touch.personId, touch.occurredAt, until))
                .chain(affected -> sequentially(affected, this::credit));
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
                    return credit(conversion);
                });
    }

    /** Credits {@code conversion} under every model and publishes the sets that changed. */
    private Uni<Void> credit(ConversionState conversion) {
        Instant from = conversion.occurredAt.minus(catalog.attributor().lookback());
        return touches.journey(conversion.tenant, conversion.personId, from, conversion.occurredAt)
                .chain(rows -> {
                    List<Touch> journey = rows.stream().map(JourneyTouch::toTouch).toList();
                    return sequentially(catalog.models(), model -> publishIfChanged(conversion, model,
                            catalog.attributor().attribute(model, conversion.toConversion(), journey)));
                });
    }

    private Uni<Void> publishIfChanged(ConversionState conversion, AttributionModel model, List<Credit> credits) {
        CreditSet draft = CreditSets.of(conversion, model, credits, 0);
        String fingerprint = CreditSets.fingerprint(draft);
        return creditSets.find(conversion.tenant, conversion.conversionId, model.id()).chain(state -> {
            if (state != null && state.fingerprint.equals(fingerprint)) {
                return Uni.createFrom().voidItem();
            }
            CreditSetState next = state == null ? newState(conversion, model) : state;
            next.setVersion = state == null ? 1 : state.setVersion + 1;
            next.modelConfigVersion = model.configVersion();
            next.status = draft.status().code();
            next.fingerprint = fingerprint;
            next.publishedAt = Instant.now();
            return creditSets.persist(next)
                    .chain(saved -> publisher.publish(CreditSets.of(conversion, model, credits, saved.setVersion)));
        });
    }

    private static CreditSetState newState(ConversionState conversion, AttributionModel model) {
        CreditSetState state = new CreditSetState();
        state.tenant = conversion.tenant;
        state.conversionId = conversion.conversionId;
        state.modelId = model.id();
        return state;
    }

    /** Hibernate Reactive sessions allow one operation at a time, so the work is chained, never parallel. */
    private static <T> Uni<Void> sequentially(List<T> items, Function<T, Uni<Void>> work) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> work.apply(item));
        }
        return chain;
    }
}
