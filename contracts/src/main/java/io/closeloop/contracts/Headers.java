package io.closeloop.contracts;

/** Kafka header names carried by every record. */
public final class Headers {
    /** UUID of the event; consumers use it as their idempotency key. */
    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";
    public static final String TENANT = "tenant";
    public static final String SCHEMA_VERSION = "schema-version";
    /** W3C trace context, propagated when the producer had one. */
    public static final String TRACEPARENT = "traceparent";

    private Headers() {
    }
}
