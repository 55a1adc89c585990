package io.closeloop.attribution.messaging;

import io.closeloop.attribution.service.CreditRestatement;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ConversionResolvedConsumer {

    private final IdempotentConsumer consumer;
    private final CreditRestatement journeys;

    public ConversionResolvedConsumer(IdempotentConsumer consumer, CreditRestatement journeys) {
        this.consumer = consumer;
        this.journeys = journeys;
    }

    @Incoming("conversions-resolved")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume(TouchpointResolvedConsumer.CONSUMER, Topics.CONVERSIONS_RESOLVED, record,
                in -> journeys.addConversion(in.value()));
    }
}
