package io.closeloop.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final Instant AT = Instant.parse("2026-10-01T10:00:00Z");

    @Test
    void anIntactChainEndingAtTheHeadIsValid() {
        List<ChainedEntry> chain = chain(3);

        assertThat(verify(chain, head(chain))).isEqualTo(new ChainVerification(true, 3, null, null));
    }

    @Test
    void anEmptyChainWithoutHeadIsValid() {
        assertThat(verify(List.of(), ChainHead.EMPTY)).isEqualTo(new ChainVerification(true, 0, null, null));
    }

    @Test
    void anAlteredEntryIsNamedByItsSeq() {
        List<ChainedEntry> chain = chain(4);
        ChainedEntry second = chain.get(1);
        AuditEntry altered = new AuditEntry(second.entry().action(), second.entry().occurredAt(), UUID.randomUUID(),
                null, null, null, null, null, null, null);
        chain.set(1, new ChainedEntry("acme", 2, second.recordedAt(), altered, second.prevHash(), second.hash()));

        assertThat(verify(chain, head(chain))).isEqualTo(new ChainVerification(false, 4, 2L,
                "the entry's content does not match its hash"));
    }

    @Test
    void anEntryRehashedAfterAlterationBreaksTheNextLink() {
        List<ChainedEntry> chain = chain(3);
        ChainedEntry second = chain.get(1);
        AuditEntry altered = new AuditEntry("other", AT, null, null, null, null, null, null, null, null);
        chain.set(1, ChainedEntry.link("acme", 2, second.recordedAt(), altered, second.prevHash()));

        assertThat(verify(chain, head(chain))).isEqualTo(new ChainVerification(false, 3, 3L,
                "prev_hash does not match the hash of entry 2"));
    }

    @Test
    void aMissingMiddleEntryIsNamed() {
        List<ChainedEntry> chain = chain(5);
        ChainHead head = head(chain);
        chain.remove(2);

        assertThat(verify(chain, head)).isEqualTo(new ChainVerification(false, 4, 3L,
                "entry 3 is missing (the next stored entry is 4)"));
    }

    @Test
    void missingNewestEntriesAreCaughtByTheHead() {
        List<ChainedEntry> chain = chain(5);
        ChainHead head = head(chain);

        assertThat(verify(chain.subList(0, 3), head)).isEqualTo(new ChainVerification(false, 3, 4L,
                "the head names entry 5 but the chain ends at entry 3"));
    }

    @Test
    void aHeadWhoseHashDiffersIsCaught() {
        List<ChainedEntry> chain = chain(2);

        assertThat(verify(chain, new ChainHead(2, "f".repeat(64)))).isEqualTo(new ChainVerification(false, 2, 2L,
                "the head's hash does not match entry 2"));
    }

    @Test
    void entriesBeyondTheHeadAreCaught() {
        List<ChainedEntry> chain = chain(3);

        assertThat(verify(chain, new ChainHead(2, chain.get(1).hash()))).isEqualTo(new ChainVerification(false, 3,
                3L, "entry 3 lies beyond the head (entry 2)"));
    }

    private static ChainVerification verify(List<ChainedEntry> chain, ChainHead head) {
        ChainVerifier verifier = new ChainVerifier();
        chain.forEach(verifier::accept);
        return verifier.finish(head);
    }

    private static ChainHead head(List<ChainedEntry> chain) {
        ChainedEntry last = chain.get(chain.size() - 1);
        return new ChainHead(last.seq(), last.hash());
    }

    private static List<ChainedEntry> chain(int length) {
        List<ChainedEntry> chain = new ArrayList<>();
        String prev = AuditHash.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            ChainedEntry entry = ChainedEntry.link("acme", seq, AT.plusSeconds(seq),
                    AuditEntry.merge(AT, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "rule " + seq), prev);
            chain.add(entry);
            prev = entry.hash();
        }
        return chain;
    }
}
