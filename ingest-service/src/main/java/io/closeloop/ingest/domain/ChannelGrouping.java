package io.closeloop.ingest.domain;

/**
 * Assigns a channel group from a touch's UTM source, medium and campaign: first the tenant's override rules
 * in their order, then GA4's default channel groups extended with Closeloop's offline groups
 * ({@link DefaultChannelRules}). Channel ids are snake_case, lower case, and stable: reports and
 * attribution store them.
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

    private ChannelGrouping() {
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
        String s = UtmNormalizer.key(source);
        String m = UtmNormalizer.key(medium);
        String c = UtmNormalizer.key(campaign);
        return overrides.channelOf(s, m, c).orElseGet(() -> DefaultChannelRules.channelOf(s, m, c));
    }
}
