package io.closeloop.identity.messaging;

import io.closeloop.contracts.Topics;
import io.closeloop.identity.service.ErasureProtocol;
import io.closeloop.messaging.IdempotentConsumer;
import io.closeloop.messaging.PoisonMessageException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ErasureConfirmedConsumer {

    private final IdempotentConsumer consumer;
    private final ErasureProtocol erasure;

    public ErasureConfirmedConsumer(IdempotentConsumer consumer, ErasureProtocol erasure) {
        this.consumer = consumer;
        this.erasure = erasure;
    }

    @Incoming("erasure-confirmed")
    public Uni<Void> onConfirmation(ConsumerRecord<String, String> record) {
        return consumer.consume("identity-erasure", Topics.ERASURE_CONFIRMED, record, inbound -> {
            var confirmation = inbound.value();
            if (confirmation.requestId() == null || confirmation.service() == null
                    || confirmation.service().isBlank() || confirmation.confirmedAt() == null) {
                throw new PoisonMessageException("erasure confirmation needs requestId, service and confirmedAt");
            }
            return erasure.confirmed(confirmation);
        });
    }
}
