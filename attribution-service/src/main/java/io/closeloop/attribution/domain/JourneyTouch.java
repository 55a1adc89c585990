package io.closeloop.attribution.domain;

import io.closeloop.attribution.model.Touch;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A touch of a person's journey. Only touches whose consent allowed measurement are stored at all: the
 * others could never earn credit, and keeping them would keep data we may not use.
 */
@Entity
@Table(name = "journey_touch")
@IdClass(JourneyTouch.Key.class)
public class JourneyTouch {

    @Id
    public String tenant;
    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "person_id", nullable = false)
    public UUID personId;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(nullable = false)
    public String channel;
    @Column(name = "utm_source")
    public String utmSource;
    @Column(name = "utm_medium")
    public String utmMedium;
    @Column(name = "utm_campaign")
    public String utmCampaign;
    @Column(name = "link_confidence", nullable = false)
    public double linkConfidence = 1.0;

    public Touch toTouch() {
        return new Touch(eventId, occurredAt, channel, utmSource, utmMedium, utmCampaign, true, java.util.Set.of(),
                linkConfidence);
    }

    public record Key(String tenant, UUID eventId) implements Serializable {
    }
}
