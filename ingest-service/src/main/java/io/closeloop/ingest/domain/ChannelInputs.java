package io.closeloop.ingest.domain;

import java.util.Set;

/**
 * What channel rules look at: the touch's kind (its touch type), normalized source, medium and campaign, the
 * referrer's host and the names of the click ids it carried. Absent values are null; click ids never are.
 */
public record ChannelInputs(String kind, String source, String medium, String campaign, String referrerHost,
                            Set<String> clickIds) {

    public ChannelInputs {
        clickIds = clickIds == null ? Set.of() : Set.copyOf(clickIds);
    }

    /** Only UTM values: spend rows and callers that know nothing else. */
    public static ChannelInputs utm(String source, String medium, String campaign) {
        return new ChannelInputs(null, source, medium, campaign, null, Set.of());
    }
}
