package io.closeloop.reporting.messaging;

import io.closeloop.contracts.Topics;
import io.closeloop.messaging.IdempotentConsumer;
import io.closeloop.reporting.service.CreditIntake;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class CreditsConsumer {

    static final String CONSUMER = "reporting";

    private final IdempotentConsumer consumer;
    private final CreditIntake intake;

    public CreditsConsumer(IdempotentConsumer consumer, CreditIntake intake) {
        this.consumer = consumer;
        this.intake = intake;
    }

    @Incoming("credits")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume(CONSUMER, Topics.CREDITS, record, in -> intake.apply(in.value()));
    }
}
