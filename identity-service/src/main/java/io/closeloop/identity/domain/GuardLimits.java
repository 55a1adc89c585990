package io.closeloop.identity.domain;

import io.closeloop.identity.matching.RecordLinker;

/**
 * A tenant's over-merge guard limits and probabilistic threshold.
 *
 * @param maxEmailKeysPerPerson a merge that would give one person more email match keys is held for review
 * @param maxPersonsPerDevice   a device id seen with more persons than this is not used to merge
 * @param matchThreshold        the lowest probabilistic match confidence that links an event to a person
 * @param anonymousJourneyDays  how long a touch of an anonymous journey waits for its link before it expires
 * @param probabilisticMatching whether events without a known identifier may link by their match features;
 *                              off, only identifiers link
 */
public record GuardLimits(int maxEmailKeysPerPerson, int maxPersonsPerDevice, double matchThreshold,
                          int anonymousJourneyDays, boolean probabilisticMatching) {

    /** The longest lookback attribution applies by default: an older touch could never be credited anyway. */
    public static final int DEFAULT_ANONYMOUS_JOURNEY_DAYS = 90;

    public static final GuardLimits DEFAULTS = new GuardLimits(3, 3, RecordLinker.DEFAULT_THRESHOLD,
            DEFAULT_ANONYMOUS_JOURNEY_DAYS, true);

    public GuardLimits(int maxEmailKeysPerPerson, int maxPersonsPerDevice, double matchThreshold,
                       int anonymousJourneyDays) {
        this(maxEmailKeysPerPerson, maxPersonsPerDevice, matchThreshold, anonymousJourneyDays, true);
    }

    public GuardLimits(int maxEmailKeysPerPerson, int maxPersonsPerDevice, double matchThreshold) {
        this(maxEmailKeysPerPerson, maxPersonsPerDevice, matchThreshold, DEFAULT_ANONYMOUS_JOURNEY_DAYS);
    }
}
