package io.closeloop.attribution.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One fit of a data-driven model: the channel weights (JSON object), its period and how many journeys it saw. */
@Entity
@Table(name = "model_fit")
@IdClass(ModelFitState.Key.class)
public class ModelFitState {

    @Id
    public String tenant;
    @Id
    @Column(name = "model_id")
    public String modelId;
    @Id
    public long version;
    @Column(name = "fitted_at", nullable = false)
    public Instant fittedAt;
    @Column(nullable = false)
    public long journeys;
    @Column(nullable = false)
    public long conversions;
    @Column(nullable = false)
    public String weights;
    /** The conversions [period from, period to) the fit learned from; null on fits stored before periods. */
    @Column(name = "period_from")
    public Instant periodFrom;
    @Column(name = "period_to")
    public Instant periodTo;
    /** The fit's shares beside the credited ones, JSON list of {@code ChannelShares.ChannelShare}. */
    @Column(name = "channel_shares")
    public String channelShares;

    public record Key(String tenant, String modelId, long version) implements Serializable {
    }
}
