package io.closeloop.attribution.domain;

import io.closeloop.attribution.model.Conversion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The conversion as its versions made it (see {@code ConversionVersions} for how versions combine). */
@Entity
@Table(name = "conversion")
@IdClass(ConversionState.Key.class)
public class ConversionState {

    /** ISO 4217 "no currency involved": the currency of a conversion that came without value. */
    public static final String NO_CURRENCY = "XXX";

    @Id
    public String tenant;
    @Id
    @Column(name = "conversion_id")
    public String conversionId;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(name = "person_id", nullable = false)
    public UUID personId;
    @Column(name = "conversion_type")
    public String conversionType;
    @Column(nullable = false)
    public String status;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(name = "source_zone")
    public String sourceZone;
    @Column(name = "value_minor", nullable = false)
    public long valueMinor;
    @Column(nullable = false)
    public String currency;
    /** The other contacts' persons a deal names (account mode), comma-separated; null for none. */
    @Column(name = "account_person_ids")
    public String accountPersonIds;
    @Column(name = "base_value_minor")
    public Long baseValueMinor;
    @Column(name = "base_currency")
    public String baseCurrency;
    /** False when the conversion type (or lead stage) does not count as a conversion: a funnel event. */
    @Column(nullable = false)
    public boolean counts = true;
    /** The conversion type's own lookback from ingest; null leaves it to the tenant's settings. */
    @Column(name = "lookback_days")
    public Integer lookbackDays;
    @Column(name = "source_updated_at")
    public Instant sourceUpdatedAt;
    @Column(name = "ingest_sequence")
    public Long ingestSequence;
    /** The time of the version stored last; {@code occurredAt} stays the conversion's time after a value change. */
    @Column(name = "version_at", nullable = false)
    public Instant versionAt;
    /**
     * False while only value changes are known: a value change can overtake its conversion's first version
     * (they travel under different keys), and its own time is not the conversion's.
     */
    @Column(name = "whole_version", nullable = false)
    public boolean wholeVersion = true;

    public Conversion toConversion() {
        return new Conversion(conversionId, occurredAt, status, valueMinor, currency, conversionType,
                lookbackDays == null ? null : Duration.ofDays(lookbackDays));
    }

    public List<UUID> accountPersons() {
        if (accountPersonIds == null || accountPersonIds.isBlank()) {
            return List.of();
        }
        return Arrays.stream(accountPersonIds.split(",")).map(UUID::fromString).toList();
    }

    public void accountPersons(List<UUID> persons) {
        accountPersonIds = persons == null || persons.isEmpty() ? null
                : String.join(",", persons.stream().map(UUID::toString).toList());
    }

    /** The value in the tenant's base currency when identity gave one, else the value as it came. */
    public long baseValueOrValue() {
        return baseValueMinor != null ? baseValueMinor : valueMinor;
    }

    public record Key(String tenant, String conversionId) implements Serializable {
    }
}
