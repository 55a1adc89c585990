package io.closeloop.contracts;

import java.time.Instant;
import java.util.Map;

/**
 * The consent state identity used to let an event through: one decision per purpose
 * ({@code granted}/{@code denied}; for {@code sale_share_opt_out}, {@code granted} means opted out),
 * the basis it rests on (e.g. {@code signal}, {@code tenant_default}, {@code server_side_default}) and
 * the time of the signal that decided it.
 */
public record ConsentSnapshot(Map<ConsentPurpose, String> purposes, String basis, Instant decidedAt) {

    public static final String GRANTED = "granted";
    public static final String DENIED = "denied";

    public boolean allows(ConsentPurpose purpose) {
        return purposes != null && GRANTED.equals(purposes.get(purpose));
    }
}
