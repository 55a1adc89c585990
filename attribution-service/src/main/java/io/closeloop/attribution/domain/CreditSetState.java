package io.closeloop.attribution.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * The last credit set published for a (tenant, conversion, model): its version and a fingerprint of its
 * content, so that a recomputation that changes nothing publishes nothing. The version lives here, not
 * in memory, so it keeps counting when a person moves between partitions or replicas.
 */
@Entity
@Table(name = "credit_set")
@IdClass(CreditSetState.Key.class)
public class CreditSetState {

    @Id
    public String tenant;
    @Id
    @Column(name = "conversion_id")
    public String conversionId;
    @Id
    @Column(name = "model_id")
    public String modelId;
    @Column(name = "set_version", nullable = false)
    public long setVersion;
    @Column(name = "model_config_version", nullable = false)
    public int modelConfigVersion;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public String fingerprint;
    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    public record Key(String tenant, String conversionId, String modelId) implements Serializable {
    }
}
