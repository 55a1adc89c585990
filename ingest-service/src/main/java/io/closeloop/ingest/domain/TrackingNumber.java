package io.closeloop.ingest.domain;

/** A call-tracking number (E.164) of a campaign's pool and the marketing source a call to it stands for. */
public record TrackingNumber(String number, String pool, String source, String medium, String campaign,
                             String channel) {
}
