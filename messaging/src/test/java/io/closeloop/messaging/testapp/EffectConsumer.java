package io.closeloop.messaging.testapp;

import io.closeloop.contracts.Topics;
import io.closeloop.messaging.IdempotentConsumer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Counts how often its effect ran per tenant and event id. */
@ApplicationScoped
public class EffectConsumer {

    private final IdempotentConsumer consumer;

    public EffectConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("conversions-raw")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume("messaging-test", Topics.CONVERSIONS_RAW, record, inbound -> Panache.getSession()
                .chain(session -> session.createNativeQuery("insert into effect (event_id, tenant, runs)"
                                + " values (?1, ?2, 1) on conflict (tenant, event_id) do update set runs = effect.runs + 1")
                        .setParameter(1, inbound.eventId())
                        .setParameter(2, inbound.tenant())
                        .executeUpdate())
                .replaceWithVoid());
    }
}
