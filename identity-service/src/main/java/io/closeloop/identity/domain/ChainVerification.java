package io.closeloop.identity.domain;

/**
 * The result of verifying a tenant's chain.
 *
 * @param valid          true when every entry links and hashes correctly up to the head
 * @param entries        the entries stored for the tenant
 * @param firstBrokenSeq the first seq where the chain is broken; null when valid
 * @param reason         why it is broken; null when valid
 */
public record ChainVerification(boolean valid, long entries, Long firstBrokenSeq, String reason) {
}
