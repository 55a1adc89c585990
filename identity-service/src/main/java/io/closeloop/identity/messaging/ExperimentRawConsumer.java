package io.closeloop.identity.messaging;

import io.closeloop.contracts.Topics;
import io.closeloop.identity.service.ErasureTombstones;
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
    private final ErasureTombstones tombstones;

    public ExperimentRawConsumer(IdempotentConsumer consumer, ResolutionService resolution,
                                 ErasureTombstones tombstones) {
        this.consumer = consumer;
        this.resolution = resolution;
        this.tombstones = tombstones;
    }

    @Incoming("experiments-raw")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume("identity", Topics.EXPERIMENTS_RAW, record, 
                inbound -> tombstones.unlessErased(inbound.value().tenant(), inbound.value().identifiers(),
                        () -> resolution.resolveExperiment(inbound.value())));
    }
}
