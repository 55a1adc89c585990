package io.closeloop.attribution.messaging;

import io.closeloop.attribution.domain.PartitionStats;
import io.closeloop.attribution.repository.PartitionStatsRepository;
import io.closeloop.contracts.AttributionStats;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.IdempotentConsumer;
import io.closeloop.messaging.PoisonMessageException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every instance's {@code attribution.stats} chunks into {@code partition_stats}, the input of the fits. */
@ApplicationScoped
public class StatsConsumer {

    private final IdempotentConsumer consumer;
    private final PartitionStatsRepository stats;

    public StatsConsumer(IdempotentConsumer consumer, PartitionStatsRepository stats) {
        this.consumer = consumer;
        this.stats = stats;
    }

    @Incoming("attribution-stats")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume(TouchpointResolvedConsumer.CONSUMER, Topics.ATTRIBUTION_STATS, record,
                in -> stats.upsert(row(in.value())));
    }

    static PartitionStats row(AttributionStats value) {
        if (value.chunkCount() < 1 || value.chunk() < 0 || value.chunk() >= value.chunkCount() || value.from() == null
                || value.to() == null || value.paths() == null) {
            throw new PoisonMessageException("statistics chunk " + value.chunk() + " of " + value.chunkCount()
                    + " is incomplete");
        }
        PartitionStats row = new PartitionStats();
        row.tenant = value.tenant();
        row.partition = value.partition();
        row.chunk = value.chunk();
        row.generation = value.generation();
        row.chunkCount = value.chunkCount();
        row.periodFrom = value.from();
        row.periodTo = value.to();
        row.computedAt = value.computedAt() != null ? value.computedAt() : value.to();
        row.paths = Json.write(value.paths());
        return row;
    }
}
