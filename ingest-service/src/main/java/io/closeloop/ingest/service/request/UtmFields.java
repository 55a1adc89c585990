package io.closeloop.ingest.service.request;

/** UTM parameters as sent; normalized on arrival. */
public record UtmFields(String source, String medium, String campaign, String term, String content) {
}
