package io.closeloop.ingest.domain;

/**
 * Assigns a channel group to a touch: first the tenant's override rules in their order, then the kind's own
 * channel (badge scans: {@code events}, calls to unknown numbers: {@code phone}, ...) or, for every other
 * touch, GA4's default channel groups over its source, medium and campaign, extended with Closeloop's offline
 * groups ({@link DefaultChannelRules}). Web touches get their source and medium from {@link TrafficSource}
 * first. Channel ids are snake_case, lower case, and stable: reports and attribution store them.
 */
public final class ChannelGrouping {

    public static final String DIRECT = "direct";
    public static final String CROSS_NETWORK = "cross_network";
    public static final String PAID_SHOPPING = "paid_shopping";
    public static final String PAID_SEARCH = "paid_search";
    public static final String PAID_SOCIAL = "paid_social";
    public static final String PAID_VIDEO = "paid_video";
    public static final String DISPLAY = "display";
    public static final String PAID_OTHER = "paid_other";
    public static final String ORGANIC_SHOPPING = "organic_shopping";
    public static final String ORGANIC_SOCIAL = "organic_social";
    public static final String ORGANIC_VIDEO = "organic_video";
    public static final String ORGANIC_SEARCH = "organic_search";
    public static final String REFERRAL = "referral";
    public static final String EMAIL = "email";
    public static final String AFFILIATES = "affiliates";
    public static final String AUDIO = "audio";
    public static final String SMS = "sms";
    public static final String MOBILE_PUSH_NOTIFICATIONS = "mobile_push_notifications";
    public static final String UNASSIGNED = "unassigned";
    // Closeloop's groups for the offline touches GA4 never sees.
    public static final String PHONE = "phone";
    public static final String EVENTS = "events";
    public static final String QR_PRINT = "qr_print";
    public static final String OFFLINE = "offline";

    /** How a touch's channel was decided; kept on the touch as attribute {@link #ORIGIN_ATTRIBUTE} when fixed. */
    public static final String ORIGIN_ATTRIBUTE = "channel_origin";
    /** The request named the channel: no rule or reclassification changes it. */
    public static final String ORIGIN_REQUEST = "request";
    /** A tracking number's or promo code's mapping named it: changed by editing the mapping, not by rules. */
    public static final String ORIGIN_MAPPING = "mapping";
    public static final String ORIGIN_RULE = "rule";
    public static final String ORIGIN_KIND = "kind";
    public static final String ORIGIN_DEFAULT = "default";

    /** A touch's channel and how it was decided. */
    public record Classification(String channel, String origin) {
    }

    private ChannelGrouping() {
    }

    /**
     * The channel of a touch whose channel was not fixed by its request or a mapping: the tenant's first matching
     * rule, else the kind's own channel when it has one, else GA4's default group of its source, medium and
     * campaign. Rules see the default they would replace, so a rule can rename any default.
     *
     * @param kindChannel the kind's own channel (e.g. {@code events}), or null for GA4's groups
     */
    public static Classification classify(ChannelInputs inputs, ChannelOverrides overrides, String kindChannel) {
        ChannelInputs normalized = new ChannelInputs(inputs.kind(), UtmNormalizer.key(inputs.source()),
                UtmNormalizer.key(inputs.medium()), UtmNormalizer.key(inputs.campaign()), inputs.referrerHost(),
                inputs.clickIds());
        String defaults = kindChannel != null ? kindChannel : DefaultChannelRules.channelOf(normalized.source(),
                normalized.medium(), normalized.campaign());
        return overrides.channelOf(normalized, defaults)
                .map(channel -> new Classification(channel, ORIGIN_RULE))
                .orElseGet(() -> new Classification(defaults, kindChannel != null ? ORIGIN_KIND : ORIGIN_DEFAULT));
    }

    /** The default group of a source and medium (no campaign, no tenant overrides). */
    public static String channelOf(String source, String medium) {
        return channelOf(source, medium, null, ChannelOverrides.NONE);
    }

    /** The default group; the campaign matters for Cross-network and the shopping groups. */
    public static String channelOf(String source, String medium, String campaign) {
        return channelOf(source, medium, campaign, ChannelOverrides.NONE);
    }

    /**
     * The group of a touch: the tenant's first matching override, else the default. Values are normalized
     * here ({@link UtmNormalizer#key}), so raw and already-normalized UTMs group alike.
     */
    public static String channelOf(String source, String medium, String campaign, ChannelOverrides overrides) {
        return classify(ChannelInputs.utm(source, medium, campaign), overrides, null).channel();
    }
}
