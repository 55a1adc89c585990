package io.closeloop.realistic;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The ground truth of a generated tenant: who each event really belongs to, each person's consent history, every
 * conversion record in the order it is sent, and the tenant's configuration — everything {@link ExpectedRevenue}
 * needs, nothing it would have to ask a service for.
 *
 * @param touches every touch (page views, forms, calls, badge scans), with the person it belongs to
 * @param consents every measurement signal per person
 * @param conversionRecords every conversion record (whole versions, value changes, refunds) with its arrival index
 * @param conversionTypes the tenant's conversion types by name
 * @param fxRates rates to the base currency, as configured (early and late ones)
 * @param baseCurrency the tenant's base currency
 * @param spend marketing spend per day and campaign, as sent (empty unless the tenant tells a story with spend)
 */
public record Truth(List<Touch> touches, List<ConsentSignal> consents, List<ConversionRecord> conversionRecords,
                    Map<String, ConversionTypeRule> conversionTypes, List<FxRate> fxRates, String baseCurrency,
                    List<Spend> spend) {

    /** A tenant without spend. */
    public Truth(List<Touch> touches, List<ConsentSignal> consents, List<ConversionRecord> conversionRecords,
                 Map<String, ConversionTypeRule> conversionTypes, List<FxRate> fxRates, String baseCurrency) {
        this(touches, consents, conversionRecords, conversionTypes, fxRates, baseCurrency, List.of());
    }

    /**
     * One touch as the person made it.
     *
     * @param eventId the event id sent with it (ties at one instant are ordered by it as lower-case text)
     * @param personId the person whose journey it belongs to; null for a device never linked to anyone
     * @param at when it happened
     * @param kind {@code page_view}, {@code form}, {@code call}, {@code badge_scan}, {@code email_click},
     *        {@code qr_scan}, {@code promo}
     * @param utmSource UTM source as sent (null: none)
     * @param utmMedium UTM medium as sent
     * @param utmCampaign UTM campaign as sent
     * @param gclid the visit carried a Google Ads click id
     * @param referrer the referrer URL (null: none)
     * @param fixedChannel the channel the configuration gives it (calls: the tracking number's; badge scans:
     *        {@code events}); null for web touches, whose channel is derived
     * @param fixedCampaign the campaign the configuration gives it
     * @param device the device id it carried (null: none)
     */
    public record Touch(UUID eventId, String personId, Instant at, String kind, String utmSource, String utmMedium,
                        String utmCampaign, boolean gclid, String referrer, String fixedChannel, String fixedCampaign,
                        String device) {
    }

    /** A measurement consent signal of a person at a time. */
    public record ConsentSignal(String personId, Instant at, boolean granted) {
    }

    /**
     * One record about a conversion, as sent.
     *
     * @param change null for a whole version, else {@code value_changed} or {@code refund}
     * @param stage the stage or status of a whole version ({@code completed}, {@code new}, {@code qualified},
     *        {@code won}, {@code lost}); on changes the conversion's stage at the time (informational)
     * @param amountMinor the value (whole version, value change) or the refunded amount (refund); null: none
     * @param sourceUpdatedAt the source system's update time, if sent (per conversion: all records or none)
     * @param arrival the index of the request in the send plan
     */
    public record ConversionRecord(String conversionId, String personId, String type, String change, String stage,
                                   Instant occurredAt, Long amountMinor, String currency, Instant sourceUpdatedAt,
                                   int arrival) {
    }

    /**
     * A conversion type: the stages that count (empty: every stage but {@code lost} and {@code cancelled}) and the
     * lookback in days.
     */
    public record ConversionTypeRule(String name, int lookbackDays, Set<String> countingStages) {

        public boolean counts(String stage) {
            if ("lost".equals(stage) || "cancelled".equals(stage)) {
                return false;
            }
            return countingStages.isEmpty() || countingStages.contains(stage);
        }
    }

    /** Spend of one day on one channel's campaign, in the currency it was paid in. */
    public record Spend(LocalDate date, String channel, String source, String medium, String campaign,
                        long amountMinor, String currency) {
    }

    /** {@code rate} units of {@code to} per unit of {@code from}, from {@code date} on. */
    public record FxRate(LocalDate date, String from, String to, BigDecimal rate) {
    }
}
