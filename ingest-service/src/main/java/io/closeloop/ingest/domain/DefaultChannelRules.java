package io.closeloop.ingest.domain;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * GA4's default channel groups for manually tagged traffic, evaluated in GA4's order (the first matching
 * rule wins), extended with Closeloop's offline groups. Source: "[GA4] Default channel group",
 * https://support.google.com/analytics/answer/9756891 (rules for manual traffic). Inputs are normalized
 * UTM keys ({@link UtmNormalizer#key}); null means absent.
 *
 * <p>Closeloop extensions, each placed so that it never takes traffic GA4 would put in a paid group:
 * <ul>
 *   <li>after Paid Video: a medium that names the channel itself ({@code paid_social}, {@code paid_search}
 *       and spelling variants) goes to that channel even when the source is not on a site list, where GA4
 *       would say Paid Other — the foundation accepted such mediums and senders rely on it;</li>
 *   <li>after Paid Other: {@code phone}, {@code events}, {@code qr_print}, {@code offline}, recognised by
 *       medium only: a stated offline medium says more than the source ("google / qr" is a printed QR
 *       code, not organic search).</li>
 * </ul>
 */
final class DefaultChannelRules {

    /** GA4's paid-medium regex ^(.*cp.*|ppc|retargeting|paid.*)$ (cpc, cpm, cpv, ppc, paid_social, ...). */
    private static final Pattern PAID_MEDIUM = Pattern.compile("^(.*cp.*|ppc|retargeting|paid.*)$");
    /** GA4's shopping-campaign regex: "shop" not inside a word (but "eshop" counts), or "shopping". */
    private static final Pattern SHOPPING_CAMPAIGN = Pattern.compile("^(.*(([^a-df-z]|^)shop|shopping).*)$");
    private static final Pattern VIDEO_MEDIUM = Pattern.compile("^(.*video.*)$");

    private static final Set<String> DIRECT_SOURCES = Set.of("(direct)", "direct");
    private static final Set<String> DISPLAY_MEDIUMS = Set.of("display", "banner", "expandable", "interstitial",
            "cpm");
    private static final Set<String> SOCIAL_MEDIUMS = Set.of("social", "social-network", "social-media", "sm",
            "social network", "social media");
    private static final Set<String> REFERRAL_MEDIUMS = Set.of("referral", "app", "link");
    private static final Set<String> EMAIL_VALUES = Set.of("email", "e-mail", "e_mail", "e mail");

    private static final Set<String> PAID_SOCIAL_MEDIUMS = Set.of("paid_social", "paidsocial", "paid-social",
            "social_paid", "social-paid");
    private static final Set<String> PAID_SEARCH_MEDIUMS = Set.of("paid_search", "paidsearch", "paid-search",
            "search_paid", "search-paid");

    private static final Set<String> PHONE_MEDIUMS = Set.of("call", "calls", "phone", "phone_call", "phone-call");
    private static final Set<String> EVENT_MEDIUMS = Set.of("event", "events", "badge", "booth", "trade_show",
            "tradeshow", "trade-show");
    private static final Set<String> QR_PRINT_MEDIUMS = Set.of("qr", "qr_code", "qrcode", "qr-code", "print",
            "direct_mail", "direct-mail", "direct mail", "directmail");
    private static final Set<String> OFFLINE_MEDIUMS = Set.of("offline", "pos", "store", "in_store", "in-store");

    private DefaultChannelRules() {
    }

    static String channelOf(String source, String medium, String campaign) {
        String s = source == null ? "" : source;
        String m = medium == null ? "" : medium;
        String c = campaign == null ? "" : campaign;
        boolean paid = PAID_MEDIUM.matcher(m).matches();
        boolean shoppingSite = SourceCategories.SHOPPING.contains(s) || SHOPPING_CAMPAIGN.matcher(c).matches();

        if ((s.isEmpty() || DIRECT_SOURCES.contains(s)) && m.isEmpty()) {
            return ChannelGrouping.DIRECT;
        }
        if (c.contains("cross-network")) {
            return ChannelGrouping.CROSS_NETWORK;
        }
        if (paid && shoppingSite) {
            return ChannelGrouping.PAID_SHOPPING;
        }
        if (paid && SourceCategories.SEARCH.contains(s)) {
            return ChannelGrouping.PAID_SEARCH;
        }
        if (paid && SourceCategories.SOCIAL.contains(s)) {
            return ChannelGrouping.PAID_SOCIAL;
        }
        if (paid && SourceCategories.VIDEO.contains(s)) {
            return ChannelGrouping.PAID_VIDEO;
        }
        if (PAID_SOCIAL_MEDIUMS.contains(m)) {
            return ChannelGrouping.PAID_SOCIAL;
        }
        if (PAID_SEARCH_MEDIUMS.contains(m)) {
            return ChannelGrouping.PAID_SEARCH;
        }
        if (DISPLAY_MEDIUMS.contains(m)) {
            return ChannelGrouping.DISPLAY;
        }
        if (paid) {
            return ChannelGrouping.PAID_OTHER;
        }
        String offline = offlineGroup(m);
        if (offline != null) {
            return offline;
        }
        if (shoppingSite) {
            return ChannelGrouping.ORGANIC_SHOPPING;
        }
        if (SourceCategories.SOCIAL.contains(s) || SOCIAL_MEDIUMS.contains(m)) {
            return ChannelGrouping.ORGANIC_SOCIAL;
        }
        if (SourceCategories.VIDEO.contains(s) || VIDEO_MEDIUM.matcher(m).matches()) {
            return ChannelGrouping.ORGANIC_VIDEO;
        }
        if (SourceCategories.SEARCH.contains(s) || m.equals("organic")) {
            return ChannelGrouping.ORGANIC_SEARCH;
        }
        if (REFERRAL_MEDIUMS.contains(m)) {
            return ChannelGrouping.REFERRAL;
        }
        if (EMAIL_VALUES.contains(s) || EMAIL_VALUES.contains(m)) {
            return ChannelGrouping.EMAIL;
        }
        if (m.equals("affiliate")) {
            return ChannelGrouping.AFFILIATES;
        }
        if (m.equals("audio")) {
            return ChannelGrouping.AUDIO;
        }
        if (s.equals("sms") || m.equals("sms")) {
            return ChannelGrouping.SMS;
        }
        if (m.endsWith("push") || m.contains("mobile") || m.contains("notification") || s.equals("firebase")) {
            return ChannelGrouping.MOBILE_PUSH_NOTIFICATIONS;
        }
        return ChannelGrouping.UNASSIGNED;
    }

    private static String offlineGroup(String medium) {
        if (PHONE_MEDIUMS.contains(medium)) {
            return ChannelGrouping.PHONE;
        }
        if (EVENT_MEDIUMS.contains(medium)) {
            return ChannelGrouping.EVENTS;
        }
        if (QR_PRINT_MEDIUMS.contains(medium)) {
            return ChannelGrouping.QR_PRINT;
        }
        if (OFFLINE_MEDIUMS.contains(medium)) {
            return ChannelGrouping.OFFLINE;
        }
        return null;
    }
}
