package io.closeloop.ingest.service.kinds;

import io.closeloop.contracts.Money;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.MoneyFields;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/** Field rules every kind shares: event times and money. */
final class EventFields {

    private EventFields() {
    }

    /**
     * An ISO-8601 time with an offset, or a local time read in {@code timeZone} (default the tenant's);
     * refused when further in the future than {@code futureTolerance}.
     */
    static EventTime time(Violations violations, String occurredAt, String timeZone, TenantContext context,
                          Duration futureTolerance) {
        String text = violations.required("occurredAt", occurredAt);
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null ? context.settings().timeZone : timeZone);
        } catch (RuntimeException e) {
            violations.add("timeZone", "is not an IANA time zone");
            return null;
        }
        if (text == null) {
            return null;
        }
        try {
            EventTime time = EventTime.parse(text, zone);
            if (time.instant().isAfter(context.clock().instant().plus(futureTolerance))) {
                violations.add("occurredAt", "is in the future beyond the allowed " + futureTolerance);
            }
            return time;
        } catch (IllegalArgumentException e) {
            violations.add("occurredAt", "is not an ISO-8601 date-time");
            return null;
        }
    }

    /** Integer minor units, not negative, with an ISO 4217 code (any case); null when no value was sent. */
    static Money money(Violations violations, String field, MoneyFields value) {
        if (value == null) {
            return null;
        }
        if (value.amountMinor() == null) {
            violations.add(field + ".amountMinor", "is required");
        } else if (value.amountMinor() < 0) {
            violations.add(field + ".amountMinor", "must not be negative");
        }
        String currency = violations.required(field + ".currency", value.currency());
        if (currency != null) {
            try {
                currency = Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getCurrencyCode();
            } catch (IllegalArgumentException e) {
                violations.add(field + ".currency", "is not an ISO 4217 currency code");
                currency = null;
            }
        }
        return value.amountMinor() == null || currency == null ? null : new Money(value.amountMinor(), currency);
    }
}
