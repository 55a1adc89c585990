package io.closeloop.ingest.service.kinds;

import io.closeloop.contracts.Money;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.MoneyFields;
import io.closeloop.ingest.service.request.UtmFields;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/** Field rules every kind shares: event times and money. */
final class EventFields {

    /**
     * Earliest accepted event time. Older dates are typos or garbage (year 0 cannot even be stored), and nothing
     * this platform attributes reaches back further.
     */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /**
     * Largest accepted amount in minor units: 10^15 (ten trillion in a two-decimal currency, far above any real
     * order or spend line) leaves a factor of over 9,000 below {@link Long#MAX_VALUE}, so sums of many maximal
     * amounts and conversions at an FX rate stay within a long; sums downstream are overflow-checked anyway.
     */
    static final long MAX_AMOUNT_MINOR = 1_000_000_000_000_000L;

    /** Longest UTM value accepted; GA4 itself keeps only the first 100 characters of a campaign name. */
    static final int MAX_UTM_CHARS = 500;

    private EventFields() {
    }

    /** Each sent UTM field at most {@link #MAX_UTM_CHARS} characters, named {@code utm.<field>} when longer. */
    static void utmLengths(Violations violations, UtmFields utm) {
        if (utm == null) {
            return;
        }
        violations.maxLength("utm.source", utm.source(), MAX_UTM_CHARS);
        violations.maxLength("utm.medium", utm.medium(), MAX_UTM_CHARS);
        violations.maxLength("utm.campaign", utm.campaign(), MAX_UTM_CHARS);
        violations.maxLength("utm.term", utm.term(), MAX_UTM_CHARS);
        violations.maxLength("utm.content", utm.content(), MAX_UTM_CHARS);
    }

    /**
     * An ISO-8601 time with an offset, or a local time read in {@code timeZone} (default the tenant's);
     * refused when before {@link #EARLIEST} or further in the future than {@code futureTolerance}.
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
            Instant latest = context.clock().instant().plus(futureTolerance);
            if (time.instant().isAfter(latest)) {
                violations.add("occurredAt", "is in the future beyond the allowed " + futureTolerance
                        + "; accepted: " + EARLIEST + " to " + latest);
            } else if (time.instant().isBefore(EARLIEST)) {
                violations.add("occurredAt", "is before " + EARLIEST + "; accepted: " + EARLIEST + " to " + latest);
            }
            return time;
        } catch (IllegalArgumentException | DateTimeException e) {
            violations.add("occurredAt", "is not an ISO-8601 date-time");
            return null;
        }
    }

    /**
     * Integer minor units, 0 to {@link #MAX_AMOUNT_MINOR}, with an ISO 4217 code (any case); null when no value was
     * sent.
     */
    static Money money(Violations violations, String field, MoneyFields value) {
        if (value == null) {
            return null;
        }
        if (value.amountMinor() == null) {
            violations.add(field + ".amountMinor", "is required");
        } else if (value.amountMinor() < 0) {
            violations.add(field + ".amountMinor", "must not be negative");
        } else if (value.amountMinor() > MAX_AMOUNT_MINOR) {
            violations.add(field + ".amountMinor", "is larger than the maximum " + MAX_AMOUNT_MINOR);
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
        return value.amountMinor() == null || currency == null || value.amountMinor() > MAX_AMOUNT_MINOR
                ? null : new Money(value.amountMinor(), currency);
    }
}
