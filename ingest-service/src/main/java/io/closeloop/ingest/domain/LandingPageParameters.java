package io.closeloop.ingest.domain;

import java.util.Map;

/** What a landing-page URL says about its touch: normalized UTM fields and the click ids it carried. */
public record LandingPageParameters(UtmParameters utm, Map<String, String> clickIds) {

    public static final LandingPageParameters EMPTY = new LandingPageParameters(UtmParameters.NONE, Map.of());

    public LandingPageParameters {
        clickIds = Map.copyOf(clickIds);
    }
}
