package io.closeloop.identity.rest;

import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import io.closeloop.identity.domain.GuardLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * The over-merge guard limits, the probabilistic match threshold and the anonymous-journey window (days an
 * anonymous journey waits for its link; absent: 90, the longest lookback) and whether probabilistic matching is
 * on (absent: on), as the settings API shows them.
 */
public record GuardSettingsFields(Integer maxEmailKeysPerPerson, Integer maxPersonsPerDevice, Double matchThreshold,
                                  Integer anonymousJourneyDays, Boolean probabilisticMatching) {

    static GuardSettingsFields of(GuardLimits limits) {
        return new GuardSettingsFields(limits.maxEmailKeysPerPerson(), limits.maxPersonsPerDevice(),
                limits.matchThreshold(), limits.anonymousJourneyDays(), limits.probabilisticMatching());
    }

    GuardLimits limits() {
        List<FieldError> errors = new ArrayList<>();
        if (maxEmailKeysPerPerson == null || maxEmailKeysPerPerson < 1 || maxEmailKeysPerPerson > 100) {
            errors.add(FieldError.of("maxEmailKeysPerPerson", "must be a whole number from 1 to 100"));
        }
        if (maxPersonsPerDevice == null || maxPersonsPerDevice < 1 || maxPersonsPerDevice > 1000) {
            errors.add(FieldError.of("maxPersonsPerDevice", "must be a whole number from 1 to 1000"));
        }
        if (matchThreshold == null || matchThreshold.isNaN() || matchThreshold <= 0 || matchThreshold > 1) {
            errors.add(FieldError.of("matchThreshold", "must be above 0 and at most 1"));
        }
        if (anonymousJourneyDays != null && (anonymousJourneyDays < 1 || anonymousJourneyDays > 3660)) {
            errors.add(FieldError.of("anonymousJourneyDays", "must be a whole number of days from 1 to 3660"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new GuardLimits(maxEmailKeysPerPerson, maxPersonsPerDevice, matchThreshold,
                anonymousJourneyDays == null ? GuardLimits.DEFAULT_ANONYMOUS_JOURNEY_DAYS : anonymousJourneyDays,
                probabilisticMatching == null || probabilisticMatching);
    }
}
