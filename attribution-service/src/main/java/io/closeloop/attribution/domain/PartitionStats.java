package io.closeloop.attribution.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The latest {@code attribution.stats} chunk of one partition, from whichever instance computed it. */
@Entity
@Table(name = "partition_stats")
@IdClass(PartitionStats.Key.class)
public class PartitionStats {

    @Id
    public String tenant;
    @Id
    public int partition;
    @Id
    public int chunk;
    @Column(nullable = false)
    public long generation;
    @Column(name = "chunk_count", nullable = false)
    public int chunkCount;
    @Column(name = "period_from", nullable = false)
    public Instant periodFrom;
    @Column(name = "period_to", nullable = false)
    public Instant periodTo;
    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;
    /** The chunk's {@code PathCount}s as JSON. */
    @Column(nullable = false)
    public String paths;

    public record Key(String tenant, int partition, int chunk) implements Serializable {
    }
}
