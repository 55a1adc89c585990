package io.closeloop.attribution.repository;

import io.closeloop.attribution.domain.PartitionStats;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

@ApplicationScoped
public class PartitionStatsRepository implements PanacheRepositoryBase<PartitionStats, PartitionStats.Key> {

    /** Keeps the chunk unless an equal or newer generation of it is already stored (redelivery, reordering). */
    private static final String UPSERT = "insert into partition_stats (tenant, partition, chunk, generation,"
            + " chunk_count, period_from, period_to, computed_at, paths) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
            + " on conflict (tenant, partition, chunk) do update set generation = excluded.generation,"
            + " chunk_count = excluded.chunk_count, period_from = excluded.period_from,"
            + " period_to = excluded.period_to, computed_at = excluded.computed_at, paths = excluded.paths"
            + " where excluded.generation > partition_stats.generation";

    public Uni<Void> upsert(PartitionStats stats) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, stats.tenant)
                        .setParameter(2, stats.partition)
                        .setParameter(3, stats.chunk)
                        .setParameter(4, stats.generation)
                        .setParameter(5, stats.chunkCount)
                        .setParameter(6, OffsetDateTime.ofInstant(stats.periodFrom, ZoneOffset.UTC))
                        .setParameter(7, OffsetDateTime.ofInstant(stats.periodTo, ZoneOffset.UTC))
                        .setParameter(8, OffsetDateTime.ofInstant(stats.computedAt, ZoneOffset.UTC))
                        .setParameter(9, stats.paths)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<PartitionStats>> ofTenant(String tenant) {
        return list("tenant = ?1 order by partition, chunk", tenant);
    }
}
