package io.closeloop.messaging;

import io.closeloop.contracts.ErasureRequested;
import io.smallrye.mutiny.Uni;

/** A service's own part of an erasure: what it deletes or anonymizes when persons are erased. */
public interface Eraser {

    /** The name the service confirms under; identity completes a request once each configured name confirmed. */
    String service();

    /**
     * Deletes or anonymizes the service's rows of the persons and identifiers the request names. Runs inside the
     * transaction that also records the confirmation, so the two commit together.
     *
     * @return how many person-level rows were deleted or anonymized
     */
    Uni<Long> erase(ErasureRequested request);
}
