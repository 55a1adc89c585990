package io.closeloop.identity.domain;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;

/** An identifier's identity within a tenant: its kind and value (trust does not make it another one). */
public record IdentifierKey(IdentifierKind kind, String value) {
    public static IdentifierKey of(IdentifierRef ref) {
        return new IdentifierKey(ref.kind(), ref.value());
    }
}
