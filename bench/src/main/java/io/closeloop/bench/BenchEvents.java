package io.closeloop.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The benchmark's touchpoints, made from their index so that the ingest run and the baseline handle the same
 * events: ad clicks with UTM fields, a click id, a landing page, a device id and, for every fourth, an email.
 */
final class BenchEvents {

    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");

    private BenchEvents() {
    }

    static UUID eventId(long run, long index) {
        return new UUID(0x6265_6e63_6800_0000L | run, index);
    }

    static String line(long run, long index) {
        String email = index % 4 == 0 ? ",\"email\":\"person" + index + "@example.com\"" : "";
        return "{\"eventId\":\"" + eventId(run, index) + "\",\"type\":\"ad_click\",\"occurredAt\":\""
                + START.plusSeconds(index) + "\",\"anonymousId\":\"dev-" + index + "\"" + email
                + ",\"utm\":{\"source\":\"google\",\"medium\":\"cpc\",\"campaign\":\"brand_q" + (index % 4 + 1) + "\"}"
                + ",\"clickIds\":{\"gclid\":\"Cj0KCQ-" + index + "\"}"
                + ",\"landingPage\":\"https://shop.example.com/p/" + (index % 1000) + "?ref=bench\"}";
    }

    /** Events {@code [first, first + count)} as one NDJSON body. */
    static byte[] ndjson(long run, long first, int count) {
        StringBuilder body = new StringBuilder(count * 360);
        for (long i = first; i < first + count; i++) {
            body.append(line(run, i)).append('\n');
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
