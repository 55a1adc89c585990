package io.closeloop.identity.domain;

/** The newest entry of a tenant's chain, kept outside the entry table so that removing the newest rows shows. */
public record ChainHead(long seq, String hash) {

    /** The head of a chain without entries. */
    public static final ChainHead EMPTY = new ChainHead(0, AuditHash.GENESIS);
}
