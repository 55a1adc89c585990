package io.closeloop.ingest.rest;

/** UTM parameters as sent; normalized on arrival. */
public record UtmFields(String source, String medium, String campaign, String term, String content) {
}
