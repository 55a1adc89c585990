package io.closeloop.attribution.messaging;

import io.closeloop.attribution.service.IdentityChanges;
import io.closeloop.messaging.ErasureParticipation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ErasureConsumer {

    private final ErasureParticipation participation;
    private final IdentityChanges identity;

    public ErasureConsumer(ErasureParticipation participation, IdentityChanges identity) {
        this.participation = participation;
        this.identity = identity;
    }

    @Incoming("erasure-requested")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return participation.consume(TouchpointResolvedConsumer.CONSUMER, record, identity);
    }
}
