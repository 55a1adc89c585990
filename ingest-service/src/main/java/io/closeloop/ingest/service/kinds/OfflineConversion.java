package io.closeloop.ingest.service.kinds;

import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Money;
import io.closeloop.contracts.Topics;
import io.closeloop.ingest.domain.ConversionType;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.TenantContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the {@code conversions.raw} record of an offline conversion. Its type must be one the tenant configured
 * (unknown: 400 naming {@code conversionType}); a type that requires a value refuses events without one. The value
 * is converted to the tenant's base currency with the latest rate on or before the event's day (in the tenant's
 * time zone); without such a rate the event is still accepted with {@code baseValue} null — revenue is never lost
 * for a missing rate, and a report can show what is unconverted.
 */
final class OfflineConversion {

    private final String conversionId;
    private final String status;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private List<IdentifierRef> accountIdentifiers;
    private String sourceSystem;
    private ConversionLifecycle lifecycle = ConversionLifecycle.NONE;

    OfflineConversion(String conversionId, String status) {
        this.conversionId = conversionId;
        this.status = status;
    }

    OfflineConversion attribute(String key, Object value) {
        if (value != null) {
            attributes.put(key, value.toString());
        }
        return this;
    }

    OfflineConversion accountIdentifiers(List<IdentifierRef> identifiers) {
        this.accountIdentifiers = identifiers;
        return this;
    }

    OfflineConversion sourceSystem(String system) {
        this.sourceSystem = system;
        return this;
    }

    OfflineConversion lifecycle(ConversionLifecycle value) {
        this.lifecycle = value;
        return this;
    }

    /** The tenant's type named {@code name}; adds a violation when it is not configured. */
    static ConversionType type(Violations violations, String name, TenantContext context) {
        String given = violations.required("conversionType", name);
        if (given == null) {
            return null;
        }
        Optional<ConversionType> type = context.config().conversionType(given);
        if (type.isEmpty()) {
            violations.add("conversionType", "is not one of the tenant's conversion types "
                    + context.config().conversionTypeNames() + " (see /api/v1/conversion-types)");
        }
        return type.orElse(null);
    }

    /** Refuses a missing value when the type requires one. */
    static void requireValueIf(Violations violations, ConversionType type, Money value, boolean sent) {
        if (type != null && type.valueRequired() && !sent) {
            violations.add("value", "is required for conversion type " + type.name());
        }
    }

    /**
     * The value in the tenant's base currency at the rate of the event's day in the tenant's zone; null without a
     * value or without a rate.
     */
    static Money baseValue(TenantContext context, Money value, EventTime time) {
        if (value == null) {
            return null;
        }
        LocalDate day = time.instant().atZone(ZoneId.of(context.settings().timeZone)).toLocalDate();
        return context.config().fxRates().toBase(value, context.settings().baseCurrency, day).orElse(null);
    }

    Prepared prepare(TenantContext context, UUID eventId, ConversionType type, EventTime time, Money value,
                     IdentifierSet ids) {
        Money baseValue = baseValue(context, value, time);
        attribute("counts_as_conversion", type.counts(status));
        attribute("lookback_days", type.defaultLookbackDays());
        ConversionRaw conversion = new ConversionRaw(context.tenant(), eventId, conversionId, type.name(), status,
                time.instant(), time.sourceZone(), context.clock().instant(), value, sourceSystem, ids.identifiers(),
                ids.exportHashes(), baseValue, accountIdentifiers, Map.copyOf(attributes), null, lifecycle.change(),
                lifecycle.sourceUpdatedAt(), null);
        return new Prepared(eventId, "conversion", conversion.occurredAt(), Topics.CONVERSIONS_RAW,
                Keys.raw(context.tenant(), conversion.identifiers(), eventId), conversion)
                .withWarnings(ids.warnings());
    }
}
