package io.closeloop.identity.domain;

/**
 * Checks a tenant's chain entry by entry in seq order: each entry must have the next seq, link to the
 * hash of the entry before it and hash to its stored hash; the last entry must be the head. Reports the
 * first broken place: an altered row names its own seq, a missing middle row the seq that is missing,
 * and missing newest rows the first seq after the last one left.
 */
public final class ChainVerifier {

    private long expectedSeq = 1;
    private String prevHash = AuditHash.GENESIS;
    private long entries;
    private Long brokenSeq;
    private String reason;

    /** Feeds the next stored entry (ascending seq); false once the chain is broken. */
    public boolean accept(ChainedEntry stored) {
        entries++;
        if (brokenSeq != null) {
            return false;
        }
        if (stored.seq() != expectedSeq) {
            return broken(expectedSeq, stored.seq() > expectedSeq
                    ? "entry " + expectedSeq + " is missing (the next stored entry is " + stored.seq() + ")"
                    : "entry " + stored.seq() + " is stored out of order");
        }
        if (!prevHash.equals(stored.prevHash())) {
            return broken(stored.seq(), "prev_hash does not match the hash of entry " + (stored.seq() - 1));
        }
        if (!stored.expectedHash().equals(stored.hash())) {
            return broken(stored.seq(), "the entry's content does not match its hash");
        }
        prevHash = stored.hash();
        expectedSeq++;
        return true;
    }

    /** The verdict once every entry was fed, against the head kept outside the table. */
    public ChainVerification finish(ChainHead head) {
        if (brokenSeq == null) {
            long last = expectedSeq - 1;
            if (head.seq() > last) {
                broken(last + 1, "the head names entry " + head.seq() + " but the chain ends at entry " + last);
            } else if (head.seq() < last) {
                broken(head.seq() + 1, "entry " + (head.seq() + 1) + " lies beyond the head (entry " + head.seq() + ")");
            } else if (!head.hash().equals(prevHash)) {
                broken(last, "the head's hash does not match entry " + last);
            }
        }
        return new ChainVerification(brokenSeq == null, entries, brokenSeq, reason);
    }

    private boolean broken(long seq, String why) {
        brokenSeq = seq;
        reason = why;
        return false;
    }
}
