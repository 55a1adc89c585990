package io.closeloop.ingest.service.kinds;

import io.closeloop.contracts.ConversionChange;
import io.closeloop.contracts.Money;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.TenantContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * What a conversion record changes of earlier records with its id, and when the source last updated it (schema 3).
 * A value change and a refund both need the value they state; a refund's value is the amount refunded or returned,
 * more than zero (negative amounts are refused for every conversion).
 */
record ConversionLifecycle(String change, Instant sourceUpdatedAt) {

    static final ConversionLifecycle NONE = new ConversionLifecycle(null, null);
    static final List<String> CHANGES = List.of(ConversionChange.VALUE_CHANGED, ConversionChange.REFUND);

    static ConversionLifecycle read(Violations violations, String change, String sourceUpdatedAt, Money value,
                                    boolean valueSent, String timeZone, TenantContext context) {
        String kind = null;
        if (change != null && !change.isBlank()) {
            kind = change.trim().toLowerCase(Locale.ROOT);
            if (!CHANGES.contains(kind)) {
                violations.add("change", "must be one of " + CHANGES);
                kind = null;
            } else if (!valueSent) {
                violations.add("value", "is required when change is " + kind);
            } else if (ConversionChange.REFUND.equals(kind) && value != null && value.amountMinor() == 0) {
                violations.add("value.amountMinor", "must be more than 0 for a refund (the amount refunded)");
            }
        }
        return new ConversionLifecycle(kind, updatedAt(violations, sourceUpdatedAt, timeZone, context));
    }

    private static Instant updatedAt(Violations violations, String text, String timeZone, TenantContext context) {
        if (text == null || text.isBlank()) {
            return null;
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null ? context.settings().timeZone : timeZone);
        } catch (RuntimeException e) {
            zone = ZoneId.of(context.settings().timeZone);
        }
        try {
            return EventTime.parse(text.trim(), zone).instant();
        } catch (IllegalArgumentException e) {
            violations.add("sourceUpdatedAt", "is not an ISO-8601 date-time");
            return null;
        }
    }
}
