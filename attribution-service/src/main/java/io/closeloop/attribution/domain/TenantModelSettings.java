package io.closeloop.attribution.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant's model options as the settings API took them (JSON), and the model-config version they make. */
@Entity
@Table(name = "tenant_model_settings")
public class TenantModelSettings {

    @Id
    public String tenant;
    @Column(name = "config_version", nullable = false)
    public int configVersion;
    @Column(nullable = false)
    public String settings;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
