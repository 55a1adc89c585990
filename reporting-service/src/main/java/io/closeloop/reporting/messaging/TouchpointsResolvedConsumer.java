package io.closeloop.reporting.messaging;

import io.closeloop.contracts.Topics;
import io.closeloop.messaging.IdempotentConsumer;
import io.closeloop.reporting.service.TouchIntake;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class TouchpointsResolvedConsumer {

    private final IdempotentConsumer consumer;
    private final TouchIntake intake;

    public TouchpointsResolvedConsumer(IdempotentConsumer consumer, TouchIntake intake) {
        this.consumer = consumer;
        this.intake = intake;
    }

    @Incoming("touchpoints-resolved")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume(CreditsConsumer.CONSUMER, Topics.TOUCHPOINTS_RESOLVED, record, in -> intake.apply(in.value()));
    }
}
