package io.closeloop.ingest.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Assigns a channel group from source and medium, after GA4's default channel groups (the subset the
 * foundation needs; the full table with tenant overrides comes with the ingest issue).
 */
public final class ChannelGrouping {

    public static final String DIRECT = "direct";
    public static final String PAID_SEARCH = "paid_search";
    public static final String PAID_SOCIAL = "paid_social";
    public static final String ORGANIC_SEARCH = "organic_search";
    public static final String ORGANIC_SOCIAL = "organic_social";
    public static final String EMAIL = "email";
    public static final String SMS = "sms";
    public static final String DISPLAY = "display";
    public static final String AFFILIATES = "affiliates";
    public static final String REFERRAL = "referral";
    public static final String UNASSIGNED = "unassigned";

    private static final Set<String> SEARCH_SOURCES = Set.of("google", "bing", "yahoo", "duckduckgo", "baidu",
            "yandex", "ecosia");
    private static final Set<String> SOCIAL_SOURCES = Set.of("facebook", "instagram", "linkedin", "twitter", "x",
            "tiktok", "pinterest", "reddit", "snapchat", "youtube", "meta", "fb", "ig");
    private static final Pattern PAID_MEDIUM = Pattern.compile("^(.*cp.*|ppc|retargeting|paid.*)$");

    private ChannelGrouping() {
    }

    public static String channelOf(String source, String medium) {
        String s = clean(source);
        String m = clean(medium);
        if (s.isEmpty() && (m.isEmpty() || m.equals("(none)") || m.equals("(not set)"))) {
            return DIRECT;
        }
        if (m.equals("email") || m.equals("e-mail") || m.equals("e_mail") || s.equals("newsletter")) {
            return EMAIL;
        }
        if (m.equals("sms") || s.equals("sms")) {
            return SMS;
        }
        if (m.equals("paid_social") || m.equals("paidsocial") || m.equals("social_paid")
                || (SOCIAL_SOURCES.contains(s) && PAID_MEDIUM.matcher(m).matches())) {
            return PAID_SOCIAL;
        }
        if (m.equals("paid_search") || m.equals("paidsearch")
                || (SEARCH_SOURCES.contains(s) && PAID_MEDIUM.matcher(m).matches())) {
            return PAID_SEARCH;
        }
        if (m.equals("display") || m.equals("banner") || m.equals("cpm") || m.equals("expandable")
                || m.equals("interstitial")) {
            return DISPLAY;
        }
        if (m.equals("affiliate")) {
            return AFFILIATES;
        }
        if (SOCIAL_SOURCES.contains(s) || m.equals("social") || m.equals("social-network") || m.equals("sm")) {
            return ORGANIC_SOCIAL;
        }
        if (m.equals("organic") || SEARCH_SOURCES.contains(s)) {
            return ORGANIC_SEARCH;
        }
        if (m.equals("referral") || m.equals("app") || m.equals("link")) {
            return REFERRAL;
        }
        return UNASSIGNED;
    }

    private static String clean(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
