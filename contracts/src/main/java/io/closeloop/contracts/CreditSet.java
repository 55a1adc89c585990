package io.closeloop.contracts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The credit of one conversion under one model. A higher {@code setVersion} for the same
 * (tenant, conversion, model) supersedes every lower one.
 *
 * @param fitVersion the data-driven fit whose weights gave the credits (schema 2); null for rule-based models
 * @param fallbackModelId the rule-based model that credited instead because the fit saw too few journeys
 *        (schema 2); null otherwise
 * @param matched the conversion had at least one touch eligible for credit (lookback and consent) (schema 3);
 *        an unmatched active set carries one line on the {@code unattributed} channel
 * @param baseCurrency the tenant's base currency (schema 3)
 * @param baseValueMinor the value in the base currency (schema 3); the lines' {@code baseCreditMinor} add up to it
 *        exactly; null while no FX rate for the conversion's day is known ({@code rateMissing})
 * @param rateMissing no FX rate for the conversion's day was known when the set was made (schema 3); the set is
 *        issued again when one arrives
 */
public record CreditSet(
        String tenant,
        String conversionId,
        String conversionType,
        Instant conversionTime,
        String sourceZone,
        UUID personId,
        String modelId,
        int modelConfigVersion,
        long setVersion,
        Status status,
        String currency,
        long valueMinor,
        List<CreditLine> lines,
        Long fitVersion,
        String fallbackModelId,
        Boolean matched,
        String baseCurrency,
        Long baseValueMinor,
        Boolean rateMissing) implements TenantScoped {

    /** Schema 2 shape. */
    public CreditSet(String tenant, String conversionId, String conversionType, Instant conversionTime,
                     String sourceZone, UUID personId, String modelId, int modelConfigVersion, long setVersion,
                     Status status, String currency, long valueMinor, List<CreditLine> lines, Long fitVersion,
                     String fallbackModelId) {
        this(tenant, conversionId, conversionType, conversionTime, sourceZone, personId, modelId, modelConfigVersion,
                setVersion, status, currency, valueMinor, lines, fitVersion, fallbackModelId, null, null, null, null);
    }

    /** Schema 1 shape. */
    public CreditSet(String tenant, String conversionId, String conversionType, Instant conversionTime,
                     String sourceZone, UUID personId, String modelId, int modelConfigVersion, long setVersion,
                     Status status, String currency, long valueMinor, List<CreditLine> lines) {
        this(tenant, conversionId, conversionType, conversionTime, sourceZone, personId, modelId, modelConfigVersion,
                setVersion, status, currency, valueMinor, lines, null, null, null, null, null, null);
    }

    public enum Status {
        /** Credits count in every aggregate. */
        ACTIVE,
        /** No credits: the conversion was cancelled or lost; its revenue leaves every aggregate. */
        WITHDRAWN,
        /** Person and touch ids removed after erasure; credits kept so totals stay. */
        ANONYMIZED;

        @JsonValue
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
