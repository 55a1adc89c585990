package io.closeloop.identity.domain;

import io.closeloop.identity.matching.RecordLinker;

/**
 * A tenant's over-merge guard limits and probabilistic threshold.
 *
 * @param maxEmailKeysPerPerson a merge that would give one person more email match keys is held for review
 * @param maxPersonsPerDevice   a device id seen with more persons than this is not used to merge
 * @param matchThreshold        the lowest probabilistic match confidence that links an event to a person
 */
public record GuardLimits(int maxEmailKeysPerPerson, int maxPersonsPerDevice, double matchThreshold) {

    public static final GuardLimits DEFAULTS = new GuardLimits(3, 3, RecordLinker.DEFAULT_THRESHOLD);
}
