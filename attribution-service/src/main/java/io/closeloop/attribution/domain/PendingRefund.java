package io.closeloop.attribution.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A refund that arrived before any version of its conversion, kept until the first version comes. */
@Entity
@Table(name = "pending_refund")
@IdClass(PendingRefund.Key.class)
public class PendingRefund {

    @Id
    public String tenant;
    @Id
    @Column(name = "conversion_id")
    public String conversionId;
    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "value_minor", nullable = false)
    public long valueMinor;
    @Column(nullable = false)
    public String currency;
    @Column(name = "base_value_minor")
    public Long baseValueMinor;
    @Column(name = "base_currency")
    public String baseCurrency;
    @Column(name = "source_updated_at")
    public Instant sourceUpdatedAt;
    @Column(name = "ingest_sequence")
    public Long ingestSequence;
    @Column(name = "version_at", nullable = false)
    public Instant versionAt;
    /** Why the refund could not be applied to the version that came; null while it waits. */
    @Column(name = "rejected_reason")
    public String rejectedReason;

    public static PendingRefund of(ConversionState refund) {
        PendingRefund pending = new PendingRefund();
        pending.tenant = refund.tenant;
        pending.conversionId = refund.conversionId;
        pending.eventId = refund.eventId;
        pending.valueMinor = refund.valueMinor;
        pending.currency = refund.currency;
        pending.baseValueMinor = refund.baseValueMinor;
        pending.baseCurrency = refund.baseCurrency;
        pending.sourceUpdatedAt = refund.sourceUpdatedAt;
        pending.ingestSequence = refund.ingestSequence;
        pending.versionAt = refund.versionAt;
        return pending;
    }

    /** The refund as the record it came in, for {@link ConversionVersions}. */
    public ConversionState toRefund() {
        ConversionState refund = new ConversionState();
        refund.tenant = tenant;
        refund.conversionId = conversionId;
        refund.eventId = eventId;
        refund.valueMinor = valueMinor;
        refund.currency = currency;
        refund.baseValueMinor = baseValueMinor;
        refund.baseCurrency = baseCurrency;
        refund.sourceUpdatedAt = sourceUpdatedAt;
        refund.ingestSequence = ingestSequence;
        refund.versionAt = versionAt;
        refund.occurredAt = versionAt;
        return refund;
    }

    public record Key(String tenant, String conversionId, UUID eventId) implements Serializable {
    }
}
