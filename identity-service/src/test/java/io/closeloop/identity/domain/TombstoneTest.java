package io.closeloop.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.IdentifierKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TombstoneTest {

    @Test
    void theDigestIsAFixedHmacOfKindAndValueUnderTheTenantsKey() {
        byte[] acme = Tombstone.tenantKey("secret", "acme");

        // HMAC-SHA-256(HMAC-SHA-256("secret", "tombstone:acme"), "email:mk-1"), computed with Python's hmac module.
        assertThat(Tombstone.digest(acme, IdentifierKind.EMAIL, "mk-1"))
                .isEqualTo("079725abede2bd65668dfe88c7114dbaf7ca6fc8acfa3afa3b96c8823e7f5cb0");
        assertThat(Tombstone.digest(acme, IdentifierKind.EMAIL, "mk-1")).hasSize(64).doesNotContain("mk-1");
    }

    @Test
    void tenantsKindsAndSecretsGiveDifferentDigests() {
        Set<String> digests = Set.of(
                Tombstone.digest(Tombstone.tenantKey("secret", "acme"), IdentifierKind.EMAIL, "v"),
                Tombstone.digest(Tombstone.tenantKey("secret", "globex"), IdentifierKind.EMAIL, "v"),
                Tombstone.digest(Tombstone.tenantKey("secret", "acme"), IdentifierKind.DEVICE, "v"),
                Tombstone.digest(Tombstone.tenantKey("other", "acme"), IdentifierKind.EMAIL, "v"));
        assertThat(digests).hasSize(4);
    }

    @Test
    void progressIsCompleteOnlyWhenEveryRequiredServiceConfirmed() {
        List<String> required = List.of("ingest", "identity", "attribution", "reporting");
        ErasureProgress partial = new ErasureProgress(required, Set.of("identity", "reporting", "billing"));
        assertThat(partial.complete()).isFalse();
        assertThat(partial.pending()).containsExactly("ingest", "attribution");
        assertThat(new ErasureProgress(required, Set.copyOf(required)).complete()).isTrue();
    }
}
