package io.closeloop.ingest.domain;

import io.closeloop.contracts.Utm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Source, medium and channel of one touch, the same way when ingest accepts it and when a reclassification
 * re-derives it from the stored touch: web touches (web pages, forms) first get their source and medium from
 * {@link TrafficSource} when their UTM fields name neither; a channel fixed by the request or by a tracking
 * number's or promo code's mapping stays; every other channel comes from {@link ChannelGrouping#classify}.
 * The result says how it was decided in the attributes {@value #SOURCE_ORIGIN} (web touches) and
 * {@value ChannelGrouping#ORIGIN_ATTRIBUTE}, so that a later reclassification knows what it may change.
 */
public final class TouchClassifier {

    /** How a web touch's source and medium were found: utm, click_id, referrer or direct. */
    public static final String SOURCE_ORIGIN = "source_origin";

    /**
     * What classification starts from.
     *
     * @param kind         the touch type (page_view, badge_scan, ...), what rules call the kind
     * @param web          whether source and medium may be derived from click ids and referrer
     * @param fixedChannel a channel the request or a mapping named, or null
     * @param fixedOrigin  {@link ChannelGrouping#ORIGIN_REQUEST} or {@link ChannelGrouping#ORIGIN_MAPPING}
     * @param kindChannel  the kind's own channel (badge scans: events), or null for GA4's groups
     */
    public record Facts(String kind, Utm utm, Set<String> clickIds, String referrer, String landingPage, boolean web,
                        String fixedChannel, String fixedOrigin, String kindChannel) {
    }

    /** The touch's UTM fields (derived source and medium filled in), channel, and the origin attributes. */
    public record Result(Utm utm, String channel, Map<String, String> attributes) {
    }

    private TouchClassifier() {
    }

    public static Result classify(Facts facts, ChannelOverrides rules) {
        Utm utm = facts.utm() == null ? new Utm(null, null, null, null, null) : facts.utm();
        Map<String, String> attributes = new LinkedHashMap<>();
        if (facts.web()) {
            TrafficSource.Derived derived = TrafficSource.derive(UtmNormalizer.key(utm.source()),
                    UtmNormalizer.key(utm.medium()), facts.clickIds(), facts.referrer(), facts.landingPage());
            if (derived.origin() != TrafficSource.Origin.UTM) {
                utm = new Utm(derived.source(), derived.medium(), utm.campaign(), utm.term(), utm.content());
            }
            attributes.put(SOURCE_ORIGIN, derived.origin().id());
        }
        if (facts.fixedChannel() != null) {
            attributes.put(ChannelGrouping.ORIGIN_ATTRIBUTE, facts.fixedOrigin());
            return new Result(utm, facts.fixedChannel(), attributes);
        }
        ChannelInputs inputs = new ChannelInputs(facts.kind(), utm.source(), utm.medium(), utm.campaign(),
                TrafficSource.host(facts.referrer()), facts.clickIds());
        ChannelGrouping.Classification classification = ChannelGrouping.classify(inputs, rules, facts.kindChannel());
        attributes.put(ChannelGrouping.ORIGIN_ATTRIBUTE, classification.origin());
        return new Result(utm, classification.channel(), attributes);
    }
}
