package io.closeloop.ingest.domain;

/** The five UTM fields of one touch; null means absent. Build normalized ones with {@link UtmNormalizer}. */
public record UtmParameters(String source, String medium, String campaign, String term, String content) {

    public static final UtmParameters NONE = new UtmParameters(null, null, null, null, null);

    /**
     * Field by field, this value where present, else the fallback's: UTMs sent separately win over the ones
     * read from the landing page, which only fill the gaps.
     */
    public UtmParameters orElse(UtmParameters fallback) {
        return new UtmParameters(first(source, fallback.source), first(medium, fallback.medium),
                first(campaign, fallback.campaign), first(term, fallback.term), first(content, fallback.content));
    }

    public boolean isEmpty() {
        return source == null && medium == null && campaign == null && term == null && content == null;
    }

    private static String first(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }
}
