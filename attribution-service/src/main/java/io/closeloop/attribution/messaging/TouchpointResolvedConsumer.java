package io.closeloop.attribution.messaging;

import io.closeloop.attribution.service.CreditRestatement;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class TouchpointResolvedConsumer {

    static final String CONSUMER = "attribution";

    private final IdempotentConsumer consumer;
    private final CreditRestatement journeys;

    public TouchpointResolvedConsumer(IdempotentConsumer consumer, CreditRestatement journeys) {
        this.consumer = consumer;
        this.journeys = journeys;
    }

    @Incoming("touchpoints-resolved")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume(CONSUMER, Topics.TOUCHPOINTS_RESOLVED, record, in -> journeys.addTouch(in.value()));
    }
}
