package io.closeloop.messaging;

import io.closeloop.contracts.ErasureConfirmed;
import io.closeloop.contracts.ErasureRequested;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * How every service takes part in an erasure: consume {@code erasure.requested} once per event, let the
 * service's {@link Eraser} erase, and confirm on {@code erasure.confirmed} through the outbox in the same
 * transaction. A service confirms a request once, under {@link ErasureConfirmed#eventId}, even when the request
 * is announced again under another event id; the erasure itself runs again, which is harmless.
 */
@ApplicationScoped
public class ErasureParticipation {

    /** The processed-message consumer name under which sent confirmations are remembered. */
    static final String CONFIRMATIONS = "erasure.confirmed";
    private static final Logger LOG = Logger.getLogger(ErasureParticipation.class);
    private static final String MARK = "insert into processed_message (consumer, event_id, tenant)"
            + " values (?1, ?2, ?3) on conflict do nothing";

    private final IdempotentConsumer consumer;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    public ErasureParticipation(IdempotentConsumer consumer, Outbox outbox) {
        this.consumer = consumer;
        this.outbox = outbox;
    }

    /** The whole inbound side: call it from the service's {@code erasure-requested} channel. */
    public Uni<Void> consume(String consumerName, ConsumerRecord<String, String> record, Eraser eraser) {
        return consumer.consume(consumerName, Topics.ERASURE_REQUESTED, record,
                inbound -> eraseAndConfirm(inbound.value(), eraser));
    }

    /** Erases and confirms with the rows erased. Must run inside {@code Panache.withTransaction}. */
    public Uni<Void> eraseAndConfirm(ErasureRequested request, Eraser eraser) {
        if (request.requestId() == null) {
            throw new PoisonMessageException("erasure request has no requestId");
        }
        return eraser.erase(request).chain(rows -> confirm(new ErasureConfirmed(request.tenant(),
                request.requestId(), eraser.service(), clock.instant(), rows == null ? 0 : rows)));
    }

    /**
     * Publishes a service's confirmation through the outbox, once per tenant, request and service. Must run
     * inside {@code Panache.withTransaction}.
     */
    public Uni<Void> confirm(ErasureConfirmed confirmation) {
        UUID eventId = ErasureConfirmed.eventId(confirmation.tenant(), confirmation.requestId(),
                confirmation.service());
        return Panache.getSession().chain(session -> session.createNativeQuery(MARK)
                        .setParameter(1, CONFIRMATIONS)
                        .setParameter(2, eventId)
                        .setParameter(3, confirmation.tenant())
                        .executeUpdate())
                .chain(rows -> {
                    if (rows == 0) {
                        LOG.debugf("%s already confirmed erasure %s", confirmation.service(), confirmation.requestId());
                        return Uni.createFrom().voidItem();
                    }
                    return outbox.publish(Topics.ERASURE_CONFIRMED,
                            Keys.request(confirmation.tenant(), confirmation.requestId()), confirmation, eventId);
                });
    }
}
