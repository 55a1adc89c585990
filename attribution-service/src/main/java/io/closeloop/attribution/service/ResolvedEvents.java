package io.closeloop.attribution.service;

import io.closeloop.attribution.domain.ConversionState;
import io.closeloop.attribution.domain.JourneyTouch;
import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.ConversionChange;
import io.closeloop.contracts.ConversionResolved;
import io.closeloop.contracts.Money;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.contracts.Utm;
import io.closeloop.messaging.PoisonMessageException;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Reads resolved events into journey rows. A record missing what attribution cannot do without is
 * poison: it goes to the dead-letter topic instead of being retried forever.
 */
final class ResolvedEvents {

    /** The channel of a touch that came without one. */
    static final String UNASSIGNED = "unassigned";
    static final String DEFAULT_STATUS = "completed";
    /** Attributes ingest derives from the tenant's conversion type (see ingest's {@code OfflineConversion}). */
    static final String COUNTS_AS_CONVERSION = "counts_as_conversion";
    static final String LOOKBACK_DAYS = "lookback_days";

    private ResolvedEvents() {
    }

    static boolean allowsMeasurement(TouchpointResolved touch) {
        return touch.consent() != null && touch.consent().allows(ConsentPurpose.MEASUREMENT);
    }

    static JourneyTouch touch(TouchpointResolved event) {
        require(event.eventId(), "eventId");
        require(event.personId(), "personId");
        require(event.occurredAt(), "occurredAt");
        JourneyTouch touch = new JourneyTouch();
        touch.tenant = event.tenant();
        touch.eventId = event.eventId();
        touch.personId = event.personId();
        touch.occurredAt = event.occurredAt();
        touch.channel = event.channel() == null || event.channel().isBlank() ? UNASSIGNED : event.channel();
        touch.linkConfidence = Math.max(0, Math.min(1, event.linkConfidence()));
        Utm utm = event.utm();
        if (utm != null) {
            touch.utmSource = utm.source();
            touch.utmMedium = utm.medium();
            touch.utmCampaign = utm.campaign();
        }
        return touch;
    }

    static ConversionState conversion(ConversionResolved event) {
        require(event.eventId(), "eventId");
        require(event.personId(), "personId");
        require(event.occurredAt(), "occurredAt");
        if (event.conversionId() == null || event.conversionId().isBlank()) {
            throw new PoisonMessageException("conversion has no conversionId");
        }
        ConversionState conversion = new ConversionState();
        conversion.tenant = event.tenant();
        conversion.conversionId = event.conversionId();
        conversion.eventId = event.eventId();
        conversion.personId = event.personId();
        conversion.conversionType = event.conversionType();
        conversion.status = event.status() == null || event.status().isBlank() ? DEFAULT_STATUS : event.status();
        conversion.occurredAt = event.occurredAt();
        conversion.sourceZone = event.sourceZone();
        Money value = event.value();
        boolean refund = ConversionChange.REFUND.equals(event.change());
        if (refund && value == null) {
            throw new PoisonMessageException("refund of conversion " + event.conversionId() + " has no amount");
        }
        if (refund) {
            // A refunded amount may come signed either way; it always lowers the value.
            value = new Money(Math.abs(value.amountMinor()), value.currency());
        }
        if (value == null) {
            // Lead stages carry no value; the conversion still counts, for nothing.
            conversion.valueMinor = 0;
            conversion.currency = ConversionState.NO_CURRENCY;
        } else {
            if (value.amountMinor() < 0) {
                throw new PoisonMessageException("conversion value is negative: " + value.amountMinor());
            }
            conversion.valueMinor = value.amountMinor();
            conversion.currency = currency(value.currency());
        }
        Money base = event.baseValue();
        if (base != null && (base.amountMinor() >= 0 || refund)) {
            conversion.baseValueMinor = Math.abs(base.amountMinor());
            conversion.baseCurrency = currency(base.currency());
        }
        Map<String, String> attributes = event.attributes() == null ? Map.of() : event.attributes();
        conversion.counts = !"false".equalsIgnoreCase(attributes.getOrDefault(COUNTS_AS_CONVERSION, "true").trim());
        conversion.lookbackDays = lookbackDays(attributes.get(LOOKBACK_DAYS));
        conversion.sourceUpdatedAt = event.sourceUpdatedAt();
        conversion.ingestSequence = event.ingestSequence();
        conversion.versionAt = event.occurredAt();
        conversion.accountPersons(event.accountPersonIds() == null ? List.of()
                : event.accountPersonIds().stream().filter(p -> p != null && !p.equals(event.personId())).toList());
        return conversion;
    }

    /** What a conversion record changes of an earlier one: null (a whole version) or a {@link ConversionChange}. */
    static String change(ConversionResolved event) {
        String change = event.change();
        if (change == null || change.isBlank()) {
            return null;
        }
        if (!change.equals(ConversionChange.VALUE_CHANGED) && !change.equals(ConversionChange.REFUND)) {
            throw new PoisonMessageException("conversion change is not value_changed or refund: " + change);
        }
        return change;
    }

    private static Integer lookbackDays(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int days = Integer.parseInt(text.trim());
            if (days > 0) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new PoisonMessageException("conversion attribute lookback_days is not a positive number of days: "
                + text);
    }

    private static String currency(String code) {
        try {
            if (code != null && Currency.getInstance(code).getCurrencyCode().equals(code)) {
                return code;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new PoisonMessageException("conversion value has no ISO 4217 currency: " + code);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new PoisonMessageException("resolved event has no " + field);
        }
    }
}
