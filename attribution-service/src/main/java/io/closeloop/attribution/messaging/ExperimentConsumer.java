package io.closeloop.attribution.messaging;

import io.closeloop.attribution.service.ExperimentService;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ExperimentConsumer {

    private final IdempotentConsumer consumer;
    private final ExperimentService experiments;

    public ExperimentConsumer(IdempotentConsumer consumer, ExperimentService experiments) {
        this.consumer = consumer;
        this.experiments = experiments;
    }

    @Incoming("experiments-resolved")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume(TouchpointResolvedConsumer.CONSUMER, Topics.EXPERIMENTS_RESOLVED, record,
                in -> experiments.record(in.value()));
    }
}
