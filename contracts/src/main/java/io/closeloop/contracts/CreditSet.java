package io.closeloop.contracts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The credit of one conversion under one model. A higher {@code setVersion} for the same
 * (tenant, conversion, model) supersedes every lower one.
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
        List<CreditLine> lines) implements TenantScoped {

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
