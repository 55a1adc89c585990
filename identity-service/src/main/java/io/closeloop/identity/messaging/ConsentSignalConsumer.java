package io.closeloop.identity.messaging;

import io.closeloop.contracts.Topics;
import io.closeloop.identity.service.ErasureTombstones;
import io.closeloop.identity.service.ConsentService;
import io.closeloop.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ConsentSignalConsumer {

    private final IdempotentConsumer consumer;
    private final ConsentService consents;
    private final ErasureTombstones tombstones;

    public ConsentSignalConsumer(IdempotentConsumer consumer, ConsentService consents,
                                 ErasureTombstones tombstones) {
        this.consumer = consumer;
        this.consents = consents;
        this.tombstones = tombstones;
    }

    @Incoming("consents-raw")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume("identity", Topics.CONSENTS_RAW, record, 
                inbound -> tombstones.unlessErased(inbound.value().tenant(), inbound.value().identifiers(),
                        () -> consents.onSignal(inbound.value())));
    }
}
