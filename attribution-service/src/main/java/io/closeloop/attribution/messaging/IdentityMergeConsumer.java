package io.closeloop.attribution.messaging;

import io.closeloop.attribution.service.IdentityChanges;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class IdentityMergeConsumer {

    private final IdempotentConsumer consumer;
    private final IdentityChanges identity;

    public IdentityMergeConsumer(IdempotentConsumer consumer, IdentityChanges identity) {
        this.consumer = consumer;
        this.identity = identity;
    }

    @Incoming("identity-merges")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume(TouchpointResolvedConsumer.CONSUMER, Topics.IDENTITY_MERGES, record, in -> identity.apply(in.value()));
    }
}
