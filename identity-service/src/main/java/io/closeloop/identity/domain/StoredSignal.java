package io.closeloop.identity.domain;

import io.closeloop.contracts.ConsentPurpose;
import java.time.Instant;
import java.util.UUID;

/** One purpose of one consent signal as identity keeps it, against the person it arrived for. */
public record StoredSignal(UUID personId, ConsentPurpose purpose, String state, String source, String region,
                           Instant occurredAt) {
}
