package io.closeloop.attribution.messaging;

import io.closeloop.attribution.service.IdentityChanges;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ErasureConsumer {

    private final IdempotentConsumer consumer;
    private final IdentityChanges identity;

    public ErasureConsumer(IdempotentConsumer consumer, IdentityChanges identity) {
        this.consumer = consumer;
        this.identity = identity;
    }

    @Incoming("erasure-requested")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume(TouchpointResolvedConsumer.CONSUMER, Topics.ERASURE_REQUESTED, record, in -> identity.erase(in.value()));
    }
}
