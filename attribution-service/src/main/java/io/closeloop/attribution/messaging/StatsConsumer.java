package io.closeloop.attribution.messaging;

import io.closeloop.attribution.service.StatsIntake;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every instance's {@code attribution.stats} chunks into {@code partition_stats}, the input of the fits. */
@ApplicationScoped
public class StatsConsumer {

    private final IdempotentConsumer consumer;
    private final StatsIntake stats;

    public StatsConsumer(IdempotentConsumer consumer, StatsIntake stats) {
        this.consumer = consumer;
        this.stats = stats;
    }

    @Incoming("attribution-stats")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume(TouchpointResolvedConsumer.CONSUMER, Topics.ATTRIBUTION_STATS, record,
                in -> stats.store(in.value()));
    }
}
