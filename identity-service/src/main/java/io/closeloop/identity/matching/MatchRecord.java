package io.closeloop.identity.matching;

import java.time.Instant;

/**
 * One record to compare, with its match features already normalized ({@link MatchFeatureNormalizer}).
 * Every feature is optional: {@code null} means missing and compares at the null level (weight 0).
 *
 * @param id            the caller's id for the record (an event or person id); never compared
 * @param ipPrefix      the IPv4 /24 or IPv6 /48 network, e.g. {@code 203.0.113.0/24}
 * @param userAgentHash a hash of the user agent, compared only for equality
 */
public record MatchRecord(String id, String firstName, String lastName, String companyDomain, String postcode,
                          String ipPrefix, String userAgentHash, Instant occurredAt) {
}
