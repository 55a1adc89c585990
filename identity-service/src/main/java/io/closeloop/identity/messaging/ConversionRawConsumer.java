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
public class ConversionRawConsumer {

    private final IdempotentConsumer consumer;
    private final ResolutionService resolution;
    private final ErasureTombstones tombstones;

    public ConversionRawConsumer(IdempotentConsumer consumer, ResolutionService resolution,
                                 ErasureTombstones tombstones) {
        this.consumer = consumer;
        this.resolution = resolution;
        this.tombstones = tombstones;
    }

    @Incoming("conversions-raw")
    public Uni<Void> onConversion(ConsumerRecord<String, String> record) {
        return consumer.consume("identity", Topics.CONVERSIONS_RAW, record,
                inbound -> tombstones.unlessErased(inbound.value().tenant(), inbound.value().identifiers(),
                        () -> resolution.resolveConversion(inbound.value())));
    }
}
