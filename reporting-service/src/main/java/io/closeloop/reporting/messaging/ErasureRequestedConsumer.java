package io.closeloop.reporting.messaging;

import io.closeloop.contracts.Topics;
import io.closeloop.messaging.IdempotentConsumer;
import io.closeloop.reporting.service.ErasureIntake;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ErasureRequestedConsumer {

    private final IdempotentConsumer consumer;
    private final ErasureIntake intake;

    public ErasureRequestedConsumer(IdempotentConsumer consumer, ErasureIntake intake) {
        this.consumer = consumer;
        this.intake = intake;
    }

    @Incoming("erasure-requested")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume(CreditsConsumer.CONSUMER, Topics.ERASURE_REQUESTED, record,
                in -> intake.apply(in.value()));
    }
}
