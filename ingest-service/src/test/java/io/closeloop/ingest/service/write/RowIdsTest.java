package io.closeloop.ingest.service.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowIdsTest {

    @Test
    void aClientsEventIdAlwaysWins() {
        UUID given = UUID.randomUUID();
        assertThat(RowIds.forBatch("acme", "touchpoints", "k").idFor(3, given)).isEqualTo(given);
        assertThat(RowIds.single("acme", given, "k")).isEqualTo(given);
    }

    @Test
    void derivedIdsAreNameBasedOverTenantBasisAndRow() {
        RowIds ids = RowIds.forBatch("acme", "touchpoints", " key-1 ");
        UUID expected = UUID.nameUUIDFromBytes("acme\nbatch:touchpoints:key-1\n7".getBytes(StandardCharsets.UTF_8));
        assertThat(ids.idFor(7, null)).isEqualTo(expected).isEqualTo(RowIds.forBatch("acme", "touchpoints", "key-1")
                .idFor(7, null));
        assertThat(ids.idFor(8, null)).isNotEqualTo(expected);
        assertThat(RowIds.forBatch("globex", "touchpoints", "key-1").idFor(7, null)).isNotEqualTo(expected);
        assertThat(RowIds.forBatch("acme", "conversions", "key-1").idFor(7, null)).isNotEqualTo(expected);
        // The single-event form is unchanged: tenant and key only.
        assertThat(RowIds.single("acme", null, "key-1"))
                .isEqualTo(UUID.nameUUIDFromBytes("acme\nkey-1".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anUploadWithoutKeyDerivesFromTheFileHashAndWithoutAnyBasisIdsAreRandom() {
        assertThat(RowIds.forUpload("acme", "conversions", null, "ab12").basis()).isEqualTo("upload:conversions:sha256:ab12");
        assertThat(RowIds.forUpload("acme", "conversions", "k", "ab12").basis()).isEqualTo("upload:conversions:key:k");
        RowIds random = RowIds.forBatch("acme", "touchpoints", null);
        assertThat(random.idFor(1, null)).isNotEqualTo(random.idFor(1, null));
    }
}
