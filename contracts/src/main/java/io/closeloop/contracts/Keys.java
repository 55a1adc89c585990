package io.closeloop.contracts;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Record keys. Every key starts with the tenant so that no two tenants share an ordering stream by accident. */
public final class Keys {

    static final String TENANT_KEY = "tenant";
    static final String RAW_KEY = "tenant:<strongest identifier>";
    static final String PERSON_KEY = "tenant:person-id";
    static final String CONVERSION_KEY = "tenant:conversion-id";
    static final String SPEND_KEY = "tenant:date:channel:campaign";
    static final String REQUEST_KEY = "tenant:request-id";
    static final String ABSORBED_PERSON_KEY = "tenant:absorbed-person-id";
    static final String STATS_KEY = "tenant:partition:chunk";
    static final String FX_RATE_KEY = "tenant:currency:base:day";

    private Keys() {
    }

    public static String tenant(String tenant) {
        return Objects.requireNonNull(tenant, "tenant");
    }

    /**
     * Raw events are keyed by their strongest identifier (CRM id > email > phone > click id > device id)
     * so that events about one identifier stay in order. Without any identifier the event id keeps the
     * key unique and spreads the load.
     */
    public static String raw(String tenant, List<IdentifierRef> identifiers, UUID eventId) {
        return identifiers == null ? tenant + ":" + eventId : identifiers.stream()
                .min(Comparator.comparingInt(i -> i.kind().strength()))
                .map(i -> tenant + ":" + i.kind().code() + ":" + i.value())
                .orElse(tenant + ":" + eventId);
    }

    public static String person(String tenant, UUID personId) {
        return tenant + ":" + personId;
    }

    public static String conversion(String tenant, String conversionId) {
        return tenant + ":" + conversionId;
    }

    /** Spend is compacted by day, channel and campaign: a corrected figure replaces the earlier one. */
    public static String spend(String tenant, java.time.LocalDate date, String channel, String campaign) {
        return tenant + ":" + date + ":" + channel + ":" + (campaign == null ? "" : campaign);
    }

    public static String request(String tenant, UUID requestId) {
        return tenant + ":" + requestId;
    }

    /** Merges are keyed by the absorbed person so that a merge and a later unmerge of it stay in order. */
    public static String merge(String tenant, UUID absorbedPersonId) {
        return tenant + ":" + absorbedPersonId;
    }

    public static String stats(String tenant, int partition, int chunk) {
        return tenant + ":" + partition + ":" + chunk;
    }

    /** FX rates are compacted per pair and day: a changed rate replaces the earlier one. */
    public static String fxRate(String tenant, String currency, String baseCurrency, java.time.LocalDate day) {
        return tenant + ":" + currency + ":" + baseCurrency + ":" + day;
    }
}
