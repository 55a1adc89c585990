package io.closeloop.realistic;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The channel of a touch, derived independently of ingest's code as GA4 does it (see the package
 * documentation): configured channel (calls, badge scans), else UTM source/medium through GA4's default channel
 * groups, else a Google click id (google / cpc: paid search), else a search-engine referrer (organic search), else
 * no or same-site referrer (direct). Only the vocabulary the generator uses needs to be covered; an unknown
 * combination fails loudly instead of guessing.
 */
public final class Channels {

    /** The tenant's own site: a referrer on it is same-site (direct). */
    public static final String SITE_HOST = "www.initech.example";

    private static final Pattern PAID_MEDIUM = Pattern.compile("^(.*cp.*|ppc|retargeting|paid.*)$");
    private static final Set<String> SEARCH_SOURCES = Set.of("google", "bing", "yahoo", "duckduckgo", "ecosia");
    private static final Set<String> SOCIAL_SOURCES = Set.of("facebook", "instagram", "linkedin", "twitter", "x",
            "tiktok");
    private static final Set<String> SEARCH_HOSTS = Set.of("google.com", "google.co.uk", "bing.com",
            "duckduckgo.com", "search.yahoo.com", "ecosia.org");
    private static final Set<String> DISPLAY_MEDIUMS = Set.of("display", "banner", "expandable", "interstitial",
            "cpm");
    private static final Set<String> REFERRAL_MEDIUMS = Set.of("referral", "app", "link");
    private static final Set<String> EMAIL_VALUES = Set.of("email", "e-mail", "e_mail", "e mail");

    private Channels() {
    }

    /** A channel and campaign (null when the touch names none). */
    public record ChannelCampaign(String channel, String campaign) {
    }

    public static ChannelCampaign of(Truth.Touch touch) {
        if (touch.fixedChannel() != null) {
            return new ChannelCampaign(touch.fixedChannel(), lower(touch.fixedCampaign()));
        }
        if (touch.utmSource() != null || touch.utmMedium() != null) {
            return new ChannelCampaign(group(lower(touch.utmSource()), lower(touch.utmMedium())),
                    lower(touch.utmCampaign()));
        }
        if (touch.gclid()) {
            return new ChannelCampaign("paid_search", null);
        }
        String host = host(touch.referrer());
        if (host == null || host.equals(SITE_HOST)) {
            return new ChannelCampaign("direct", null);
        }
        String bare = host.startsWith("www.") ? host.substring(4) : host;
        if (SEARCH_HOSTS.contains(bare)) {
            return new ChannelCampaign("organic_search", null);
        }
        throw new IllegalArgumentException("the generator's vocabulary has no rule for referrer " + host);
    }

    /** GA4's default channel groups for manual traffic, in GA4's order, for the generator's vocabulary. */
    static String group(String source, String medium) {
        String s = source == null ? "" : source;
        String m = medium == null ? "" : medium;
        boolean paid = PAID_MEDIUM.matcher(m).matches();
        if (paid && SEARCH_SOURCES.contains(s)) {
            return "paid_search";
        }
        if (paid && SOCIAL_SOURCES.contains(s)) {
            return "paid_social";
        }
        if (m.equals("paid_social")) {
            return "paid_social";
        }
        if (DISPLAY_MEDIUMS.contains(m)) {
            return "display";
        }
        if (paid) {
            return "paid_other";
        }
        if (SOCIAL_SOURCES.contains(s) || m.equals("social")) {
            return "organic_social";
        }
        if (SEARCH_SOURCES.contains(s) || m.equals("organic")) {
            return "organic_search";
        }
        if (REFERRAL_MEDIUMS.contains(m)) {
            return "referral";
        }
        if (EMAIL_VALUES.contains(s) || EMAIL_VALUES.contains(m)) {
            return "email";
        }
        throw new IllegalArgumentException("the generator's vocabulary has no rule for " + s + " / " + m);
    }

    static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String host = URI.create(url).getHost();
        return host == null ? null : host.toLowerCase(Locale.ROOT);
    }

    private static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
