package io.closeloop.reporting.messaging;

import io.closeloop.contracts.Topics;
import io.closeloop.messaging.IdempotentConsumer;
import io.closeloop.reporting.service.ConversionIntake;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ConversionsResolvedConsumer {

    private final IdempotentConsumer consumer;
    private final ConversionIntake intake;

    public ConversionsResolvedConsumer(IdempotentConsumer consumer, ConversionIntake intake) {
        this.consumer = consumer;
        this.intake = intake;
    }

    @Incoming("conversions-resolved")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume(CreditsConsumer.CONSUMER, Topics.CONVERSIONS_RESOLVED, record, in -> intake.apply(in.value()));
    }
}
