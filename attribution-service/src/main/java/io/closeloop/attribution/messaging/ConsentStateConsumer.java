package io.closeloop.attribution.messaging;

import io.closeloop.attribution.service.IdentityChanges;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ConsentStateConsumer {

    private final IdempotentConsumer consumer;
    private final IdentityChanges identity;

    public ConsentStateConsumer(IdempotentConsumer consumer, IdentityChanges identity) {
        this.consumer = consumer;
        this.identity = identity;
    }

    @Incoming("consent-states")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume(TouchpointResolvedConsumer.CONSUMER, Topics.CONSENT_STATES, record, in -> identity.apply(in.value()));
    }
}
