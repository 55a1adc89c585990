package io.closeloop.contracts;

/** The five UTM fields, normalized by ingest. */
public record Utm(String source, String medium, String campaign, String term, String content) {
}
