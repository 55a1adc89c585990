package io.closeloop.contracts;

/** An exact amount: integer minor units of an ISO 4217 currency. */
public record Money(long amountMinor, String currency) {
}
