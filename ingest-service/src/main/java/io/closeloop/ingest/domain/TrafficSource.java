package io.closeloop.ingest.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Source and medium of a web visit as GA4 derives them before its channel groups, in this order:
 * <ol>
 *   <li>UTM: a visit that names a source or medium keeps them as given;</li>
 *   <li>auto-tagging click ids: gclid, gbraid, wbraid, dclid → {@code google / cpc}; msclkid →
 *       {@code bing / cpc}. fbclid, ttclid and li_fat_id are not auto-tagging in this sense (the platforms add
 *       them to organic links too), so they leave the decision to the referrer;</li>
 *   <li>the referrer: a search engine of GA4's list → {@code <engine> / organic}; a webmail host →
 *       {@code <host> / email} (a Closeloop extension: GA4 says referral); any other site →
 *       {@code <host> / referral}, which the channel groups then put in Organic Social, Video or Shopping when
 *       the host is on those lists;</li>
 *   <li>no referrer, or one from the landing page's own site → {@code (direct) / (none)}.</li>
 * </ol>
 * Values are normalized keys ({@link UtmNormalizer#key}); hosts lose a leading {@code www.}.
 */
public final class TrafficSource {

    public static final String DIRECT_SOURCE = "(direct)";
    public static final String DIRECT_MEDIUM = "(none)";

    /** How the source and medium were found. */
    public enum Origin {
        UTM, CLICK_ID, REFERRER, DIRECT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A derived source and medium and how they were found. */
    public record Derived(String source, String medium, Origin origin) {
    }

    /** Auto-tagging click ids in the order they are tried: the first present one names the ad platform. */
    private static final Map<String, String> AUTO_TAGGING = autoTagging();
    /** Webmail front ends: a click in a mail read there is an email visit. */
    private static final Set<String> WEBMAIL = Set.of("mail.google.com", "outlook.live.com", "outlook.office.com",
            "outlook.office365.com", "mail.yahoo.com", "mail.aol.com", "mail.proton.me", "app.fastmail.com",
            "mail.zoho.com", "webmail.gmx.net", "navigator.gmx.net", "email.t-online.de", "mail.yahoo.co.jp");
    /** Android apps that send their package as the referrer (android-app://package/). */
    private static final Map<String, String> APPS = Map.of(
            "com.google.android.googlequicksearchbox", "google",
            "com.google.android.gm", "mail.google.com");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
    /** Second-level labels under which a country code domain registers names: example.co.uk, example.com.au. */
    private static final Set<String> SECOND_LEVELS = Set.of("co", "com", "net", "org", "ne", "or", "ac", "gov",
            "edu", "go", "gr", "ad", "lg");

    private TrafficSource() {
    }

    /**
     * The source and medium of a visit.
     *
     * @param source   the normalized UTM source, or null
     * @param medium   the normalized UTM medium, or null
     * @param clickIds the names of the click ids the visit carried
     * @param referrer the referring URL, or null
     * @param landingPage the landing page URL, or null
     */
    public static Derived derive(String source, String medium, Collection<String> clickIds, String referrer,
                                 String landingPage) {
        if (source != null || medium != null) {
            return new Derived(source, medium, Origin.UTM);
        }
        for (Map.Entry<String, String> tag : AUTO_TAGGING.entrySet()) {
            if (clickIds.contains(tag.getKey())) {
                return new Derived(tag.getValue(), "cpc", Origin.CLICK_ID);
            }
        }
        String from = host(referrer);
        if (from == null || sameSite(from, host(landingPage))) {
            return new Derived(DIRECT_SOURCE, DIRECT_MEDIUM, Origin.DIRECT);
        }
        if (SourceCategories.SEARCH.contains(from)) {
            return new Derived(engine(from), "organic", Origin.REFERRER);
        }
        if (WEBMAIL.contains(from)) {
            return new Derived(from, "email", Origin.REFERRER);
        }
        return new Derived(from, "referral", Origin.REFERRER);
    }

    /**
     * The host of a URL, lower case and without {@code www.}; null when there is none. A bare host
     * ({@code google.com}) is read as one; an Android app referrer gives the site the app stands for.
     */
    public static String host(String url) {
        if (url == null) {
            return null;
        }
        String rest = url.trim().toLowerCase(Locale.ROOT);
        int scheme = rest.indexOf("://");
        boolean app = rest.startsWith("android-app://");
        if (scheme >= 0) {
            rest = rest.substring(scheme + 3);
        } else if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int end = rest.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String host = rest.substring(0, end);
        host = host.substring(host.lastIndexOf('@') + 1);
        int port = host.indexOf(':');
        if (port >= 0) {
            host = host.substring(0, port);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (app) {
            return APPS.getOrDefault(host, host);
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        return HOST.matcher(host).matches() ? host : null;
    }

    /** The registrable domain: {@code shop.example.co.uk} → {@code example.co.uk}. */
    static String site(String host) {
        String[] labels = host.split("\\.");
        int keep = labels.length >= 3 && labels[labels.length - 1].length() == 2
                && SECOND_LEVELS.contains(labels[labels.length - 2]) ? 3 : 2;
        if (labels.length <= keep) {
            return host;
        }
        return String.join(".", Arrays.copyOfRange(labels, labels.length - keep, labels.length));
    }

    /** A search engine's name: the label before the registrable suffix ({@code uk.search.yahoo.com} → yahoo). */
    static String engine(String host) {
        String site = site(host);
        int dot = site.indexOf('.');
        return dot < 0 ? site : site.substring(0, dot);
    }

    private static boolean sameSite(String referrer, String landing) {
        return landing != null && site(referrer).equals(site(landing));
    }

    private static Map<String, String> autoTagging() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("gclid", "google");
        tags.put("gbraid", "google");
        tags.put("wbraid", "google");
        tags.put("dclid", "google");
        tags.put("msclkid", "bing");
        return tags;
    }
}
