package io.closeloop.attribution.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A restatement of a tenant's conversions (after a fit or a settings change), run in batches. The cursor is
 * the last conversion a committed batch recredited, in (occurred at, conversion id) order.
 */
@Entity
@Table(name = "restatement_job")
public class RestatementJob {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    @Id
    public UUID id;
    @Column(nullable = false)
    public String tenant;
    @Column(nullable = false)
    public String kind;
    @Column(name = "model_id")
    public String modelId;
    @Column(nullable = false)
    public String state;
    @Column(name = "conversions_total", nullable = false)
    public long conversionsTotal;
    @Column(name = "conversions_done", nullable = false)
    public long conversionsDone;
    @Column(name = "cursor_occurred_at")
    public Instant cursorOccurredAt;
    @Column(name = "cursor_conversion")
    public String cursorConversion;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;
    public String error;
}
