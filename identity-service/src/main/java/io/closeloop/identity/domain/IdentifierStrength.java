package io.closeloop.identity.domain;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import java.util.Collection;

/**
 * Strong identifiers (CRM ids, email, phone, a caller number, which is a phone) decide persons; weak ones
 * (device, click id, promo code, badge) only link an anonymous journey to one person.
 */
public final class IdentifierStrength {

    private IdentifierStrength() {
    }

    public static boolean strong(IdentifierKind kind) {
        return kind.strength() <= IdentifierKind.CALLER.strength();
    }

    public static boolean anyStrong(Collection<IdentifierRef> identifiers) {
        return identifiers.stream().anyMatch(i -> strong(i.kind()));
    }
}
