package io.closeloop.reporting.messaging;

import io.closeloop.contracts.Topics;
import io.closeloop.messaging.IdempotentConsumer;
import io.closeloop.reporting.service.SpendIntake;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class SpendConsumer {

    private final IdempotentConsumer consumer;
    private final SpendIntake intake;

    public SpendConsumer(IdempotentConsumer consumer, SpendIntake intake) {
        this.consumer = consumer;
        this.intake = intake;
    }

    @Incoming("spend-raw")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume(CreditsConsumer.CONSUMER, Topics.SPEND_RAW, record, in -> intake.apply(in.value()));
    }
}
