package io.closeloop.identity.messaging;

import io.closeloop.contracts.Topics;
import io.closeloop.identity.service.ResolutionService;
import io.closeloop.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ExperimentRawConsumer {

    private final IdempotentConsumer consumer;
    private final ResolutionService resolution;

    public ExperimentRawConsumer(IdempotentConsumer consumer, ResolutionService resolution) {
        this.consumer = consumer;
        this.resolution = resolution;
    }

    @Incoming("experiments-raw")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume("identity", Topics.EXPERIMENTS_RAW, record, inbound -> resolution.resolveExperiment(inbound.value()));
    }
}
