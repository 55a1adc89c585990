package io.closeloop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ErasureConfirmedTest {

    private static final UUID REQUEST = UUID.fromString("6f1c2a9e-0d4b-4a51-9a36-0c1f2e3d4b5a");

    @Test
    void aServiceConfirmsARequestUnderOneIdOnly() {
        assertThat(ErasureConfirmed.eventId("acme", REQUEST, "ingest"))
                .isEqualTo(ErasureConfirmed.eventId("acme", REQUEST, "ingest"))
                .isEqualTo(UUID.nameUUIDFromBytes(("erasure.confirmed\nacme\n" + REQUEST + "\ningest").getBytes()));
    }

    @Test
    void servicesTenantsAndRequestsGetDistinctIds() {
        UUID ingest = ErasureConfirmed.eventId("acme", REQUEST, "ingest");
        assertThat(ErasureConfirmed.eventId("acme", REQUEST, "reporting")).isNotEqualTo(ingest);
        assertThat(ErasureConfirmed.eventId("other", REQUEST, "ingest")).isNotEqualTo(ingest);
        assertThat(ErasureConfirmed.eventId("acme", UUID.randomUUID(), "ingest")).isNotEqualTo(ingest);
    }
}
