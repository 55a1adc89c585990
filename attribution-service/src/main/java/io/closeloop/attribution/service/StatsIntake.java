package io.closeloop.attribution.service;

import io.closeloop.attribution.domain.PartitionStats;
import io.closeloop.attribution.repository.PartitionStatsRepository;
import io.closeloop.contracts.AttributionStats;
import io.closeloop.contracts.Json;
import io.closeloop.messaging.PoisonMessageException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Stores every instance's {@code attribution.stats} chunks in {@code partition_stats}, the input of the fits. */
@ApplicationScoped
public class StatsIntake {

    private final PartitionStatsRepository stats;

    public StatsIntake(PartitionStatsRepository stats) {
        this.stats = stats;
    }

    public Uni<Void> store(AttributionStats value) {
        return stats.upsert(row(value));
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
