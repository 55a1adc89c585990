package io.closeloop.contracts;

import com.fasterxml.jackson.annotation.JsonValue;

/** How far an identifier can be trusted: verified (server-side, authenticated) or asserted (web tag). */
public enum Trust {
    VERIFIED, ASSERTED;

    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
