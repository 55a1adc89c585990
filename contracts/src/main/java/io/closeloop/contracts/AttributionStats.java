package io.closeloop.contracts;

import java.time.Instant;
import java.util.List;

/**
 * Path statistics of one partition of the person key, the mergeable input of the data-driven fits. Each
 * attribution instance publishes its partitions' latest counts; a fit merges every partition's latest generation.
 * Large partitions are split into chunks so a record stays small.
 *
 * @param generation increases with every recomputation of the partition; a fit takes only complete generations
 * @param currency the base currency of {@link PathCount#valueMinor()}
 */
public record AttributionStats(
        String tenant,
        int partition,
        long generation,
        Instant from,
        Instant to,
        String currency,
        Instant computedAt,
        int chunk,
        int chunkCount,
        List<PathCount> paths) implements TenantScoped {
}
