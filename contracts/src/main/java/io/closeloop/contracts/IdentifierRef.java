package io.closeloop.contracts;

/**
 * One identifier on an event. {@code value} is the HMAC match key for emails, phones and caller numbers,
 * and the system's own id for the other kinds.
 */
public record IdentifierRef(IdentifierKind kind, String value, Trust trust) {
}
